package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks the engine's batched matrix product (forward and both gradients), which attention
 * couplings rely on, against double-precision loops on odd sizes.
 */
public final class MatmulCheck {
  /** {@code [batch, n, k] @ [batch, k, m]} cases: {batch, n, k, m}. */
  static final List<int[]> SHAPES =
      List.of(new int[] {6, 37, 29, 41}, new int[] {2, 81, 17, 81}, new int[] {3, 5, 64, 3});

  private MatmulCheck() {}

  /** Forward, left-gradient and right-gradient results. */
  public static List<CheckResult> run(long seed) {
    return IsolatedAutograd.run("akorn-engine-check", m -> check(m, seed));
  }

  private static List<CheckResult> check(NDManager m, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ConvolutionCheck.Worst forward = new ConvolutionCheck.Worst();
    ConvolutionCheck.Worst left = new ConvolutionCheck.Worst();
    ConvolutionCheck.Worst right = new ConvolutionCheck.Worst();
    for (int[] s : SHAPES) {
      int batch = s[0];
      int n = s[1];
      int k = s[2];
      int mm = s[3];
      String name = String.format("B%d %dx%d @ %dx%d", batch, n, k, k, mm);
      float[] a = Errors.uniform(random, batch * n * k);
      float[] b = Errors.uniform(random, batch * k * mm);
      float[] g = Errors.uniform(random, batch * n * mm);
      double[] y = new double[batch * n * mm];
      double[] da = new double[a.length];
      double[] db = new double[b.length];
      for (int p = 0; p < batch; p++) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < mm; j++) {
            int yi = (p * n + i) * mm + j;
            for (int q = 0; q < k; q++) {
              int ai = (p * n + i) * k + q;
              int bi = (p * k + q) * mm + j;
              y[yi] += (double) a[ai] * b[bi];
              da[ai] += (double) g[yi] * b[bi];
              db[bi] += (double) g[yi] * a[ai];
            }
          }
        }
      }
      try (NDManager sub = m.newSubManager()) {
        NDArray aa = sub.create(a, new Shape(batch, n, k));
        NDArray ba = sub.create(b, new Shape(batch, k, mm));
        aa.setRequiresGradient(true);
        ba.setRequiresGradient(true);
        NDArray ya = aa.matMul(ba);
        forward.see(Errors.relative(ya.toFloatArray(), y), name);
        IsolatedAutograd.backward(ya, sub.create(g, new Shape(batch, n, mm)));
        left.see(Errors.relative(aa.getGradient().toFloatArray(), da), name);
        right.see(Errors.relative(ba.getGradient().toFloatArray(), db), name);
      }
    }
    return List.of(
        forward.result("matmul forward"),
        left.result("matmul left gradient"),
        right.result("matmul right gradient"));
  }
}
