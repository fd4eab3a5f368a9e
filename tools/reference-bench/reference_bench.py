#!/usr/bin/env python3
"""Times the paper's own implementation on the configurations of ``akorn bench``.

Usage:
    python3 tools/reference-bench/reference_bench.py --reference-dir PATH \
        [--model sudoku|objects|classification|all] [--threads 1] [--reps 5] [--batch 16]

PATH is a checkout of github.com/autonomousvision/akorn. The measurement matches
``bin/akorn bench`` (docs/performance.md, "The benchmark"): batch 16, random inputs, one no-grad
forward pass (model in eval mode) and one training step (model in train mode: forward, backward,
Adam with PyTorch's defaults and lr 1e-3, loss mean(output^2)), each the median of R timed passes
after one untimed warm-up. One JSON line per model goes to stdout, one line per pass to stderr.

The reference draws its initial oscillator states inside ``forward`` (``randn_like``, one
Gaussian draw per oscillator component); that is timed here and not in ``akorn bench``, which
passes the states in.

PyTorch before 2.0 has no ``parametrizations.weight_norm`` (imported but not used by the
reference; the older ``weight_norm`` stands in) and no ``scaled_dot_product_attention`` (supplied
as the textbook softmax(q k^T / sqrt(d)) v, the computation PyTorch 2's math kernel does on CPU).
When the einops package is missing, the stand-in next to this script is used.
"""

import argparse
import contextlib
import json
import math
import os
import statistics
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reference-dir", required=True, help="checkout of the reference code")
    p.add_argument("--model", default="all", choices=["sudoku", "objects", "classification", "all"])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--batch", type=int, default=16)
    return p.parse_args()


def prepare_imports(reference_dir, threads):
    # OpenBLAS (Debian's PyTorch) starts its own threads unless told before it loads.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        import einops  # noqa: F401
    except ImportError:
        sys.path.insert(0, here)
    sys.path.insert(0, os.path.abspath(reference_dir))
    try:  # only now: the thread counts above must be set before PyTorch and its BLAS load
        import torch
    except ImportError:
        sys.exit(f"reference_bench: {sys.executable} has no PyTorch (Debian: apt-get install"
                 " python3-torch; then PYTHON=/usr/bin/python3)")
    import torch.nn.functional as F
    import torch.nn.utils.parametrizations as parametrizations

    if not hasattr(parametrizations, "weight_norm"):  # imported, not used, by the reference
        parametrizations.weight_norm = torch.nn.utils.weight_norm

    if not hasattr(F, "scaled_dot_product_attention"):

        def scaled_dot_product_attention(q, k, v, attn_mask=None):
            scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
            if attn_mask is not None:
                scores = scores + attn_mask
            return torch.softmax(scores, dim=-1) @ v

        F.scaled_dot_product_attention = scaled_dot_product_attention


def build(model):
    if model == "sudoku":
        from source.models.sudoku.knet import SudokuAKOrN

        return SudokuAKOrN(n=4, ch=128, L=1, T=16, heads=8, init_omg=0.1, learn_omg=False,
                           use_omega=True, global_omg=True)
    if model == "objects":
        from source.models.objs.knet import AKOrN

        return AKOrN(n=4, ch=128, L=1, T=8, psize=4, imsize=32, heads=8, gta=True,
                     c_norm="none", use_omega=False)
    from source.models.classification.knet import AKOrN

    return AKOrN(n=4, ch=32, L=3, ksizes=[9, 7, 5], T=3, ro_N=2, norm="bn", c_norm="gn",
                 use_omega=True, init_omg=1.0, learn_omg=True, out_classes=10)


def inputs(model, batch, gen):
    import torch

    if model == "sudoku":
        clue = torch.randint(0, 3, (batch, 9, 9), generator=gen) == 0
        digit = torch.randint(0, 9, (batch, 9, 9), generator=gen)
        onehot = torch.nn.functional.one_hot(digit, 9).float() * clue[..., None].float()
        return (onehot, clue[..., None].float())
    return (torch.rand(batch, 3, 32, 32, generator=gen),)


def timed(fn):
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1e3, (time.process_time() - c0) * 1e3


def run(model, reps, batch, log):
    import torch

    torch.manual_seed(0)
    with contextlib.redirect_stdout(sys.stderr):  # the reference prints while it builds
        net = build(model)
    data = inputs(model, batch, torch.Generator().manual_seed(42))
    results = {}

    def forward():
        with torch.no_grad():
            float(net(*data).sum())

    opt = torch.optim.Adam(net.parameters(), lr=1e-3)

    def train_step():
        opt.zero_grad()
        loss = net(*data).square().mean()
        loss.backward()
        opt.step()
        float(loss)

    for name, mode, fn in (("forward", False, forward), ("train step", True, train_step)):
        net.train(mode)
        walls, cpus = [], []
        for i in range(-1, reps):
            wall, cpu = timed(fn)
            label = "warm-up" if i < 0 else f"{i + 1}/{reps}"
            log(f"{model}: {name} {label}: {wall:.1f} ms (process cpu {cpu:.1f} ms)")
            if i >= 0:
                walls.append(wall)
                cpus.append(cpu)
        results[name] = (statistics.median(walls), statistics.median(cpus))
    return results


def main():
    args = parse_args()
    if not os.path.isdir(os.path.join(args.reference_dir, "source", "models")):
        sys.exit(f"reference_bench: {args.reference_dir}: not a checkout of the reference"
                 " (no source/models folder)")
    prepare_imports(args.reference_dir, args.threads)
    import torch

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(args.threads)
    log = lambda s: print(s, file=sys.stderr, flush=True)
    log(f"reference: PyTorch {torch.__version__}, intra-op threads {torch.get_num_threads()}")
    models = ["sudoku", "objects", "classification"] if args.model == "all" else [args.model]
    for model in models:
        r = run(model, args.reps, args.batch, log)
        fwd, train = r["forward"], r["train step"]
        log(f"{model}: forward {fwd[0]:.1f} ms (process cpu {fwd[1]:.1f} ms), "
            f"train step {train[0]:.1f} ms (process cpu {train[1]:.1f} ms)")
        print(json.dumps({"model": model, "batch": args.batch, "forward": round(fwd[0], 1),
                          "train_step": round(train[0], 1), "unit": "ms median",
                          "forward_cpu": round(fwd[1], 1), "train_step_cpu": round(train[1], 1),
                          "implementation": "reference", "torch": torch.__version__}),
              flush=True)


if __name__ == "__main__":
    main()
