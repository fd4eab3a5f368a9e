#!/usr/bin/env bash
# Runs `bin/akorn bench` and the reference (reference_bench.py) alternately on one machine and
# prints, per model, the best of the rounds of each and their ratio (ours / reference).
#
#   tools/reference-bench/side_by_side.sh REFERENCE_DIR [ROUNDS] [THREADS] [MODEL]
#
# REFERENCE_DIR: a checkout of github.com/autonomousvision/akorn. PYTHON (default python3)
# must have PyTorch. Raw JSON lines are kept in $OUT_DIR (default a temporary folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ref="${1:?usage: side_by_side.sh REFERENCE_DIR [ROUNDS] [THREADS] [MODEL]}"
rounds="${2:-2}"
threads="${3:-1}"
model="${4:-all}"
python="${PYTHON:-python3}"
out="${OUT_DIR:-$(mktemp -d)}"
mkdir -p "$out"
for round in $(seq 1 "$rounds"); do
  echo "round $round/$rounds: akorn" >&2
  "$root/bin/akorn" bench --model "$model" --threads "$threads" --reps 5 \
    2>"$out/akorn-$round.log" | sed "s/^/akorn $round /" >>"$out/results.txt"
  echo "round $round/$rounds: reference" >&2
  "$python" "$root/tools/reference-bench/reference_bench.py" --reference-dir "$ref" \
    --model "$model" --threads "$threads" --reps 5 \
    2>"$out/reference-$round.log" | sed "s/^/reference $round /" >>"$out/results.txt"
done
"$python" - "$out/results.txt" <<'PY'
import json, sys
best = {}
for line in open(sys.argv[1]):
    impl, rnd, js = line.split(" ", 2)
    r = json.loads(js)
    for m in ("forward", "train_step"):
        key = (r["model"], m, impl)
        best.setdefault(key, []).append(r[m])
models = sorted({k[0] for k in best}, key=["sudoku", "objects", "classification"].index)
print("| model | measure | akorn ms (rounds) | reference ms (rounds) | ratio, best of rounds |")
print("|---|---|---|---|---|")
for model in models:
    for m in ("forward", "train_step"):
        a, r = best[(model, m, "akorn")], best[(model, m, "reference")]
        fmt = lambda v: ", ".join(f"{x:.1f}" for x in v)
        print(f"| {model} | {m.replace('_', ' ')} | {fmt(a)} | {fmt(r)} | {min(a) / min(r):.2f} |")
PY
echo "raw results: $out" >&2
