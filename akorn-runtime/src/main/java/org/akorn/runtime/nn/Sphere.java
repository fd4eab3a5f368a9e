package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;

/** Oscillator geometry: groups of {@code n} consecutive channels live on the unit sphere. */
public final class Sphere {
  /** Lower bound of the norm in {@link #normalize}, as {@code F.normalize}. */
  public static final float EPS = 1e-12f;

  private Sphere() {}

  /** Divides each n-vector of {@code x [B, C, ...]} by {@code max(norm, 1e-12)}. */
  public static NDArray normalize(NDArray x, int n) {
    // Not NDArray.normalize / norm: PyTorch's vector-norm reduction over this middle axis is
    // tens of times slower on CPU than square, sum, sqrt (measured, docs/performance.md).
    NDArray g = x.reshape(NnUtil.groupShape(x.getShape(), n));
    NDArray norm = NnUtil.maximum(g.square().sum(new int[] {2}, true).sqrt(), EPS);
    return g.div(norm).reshape(x.getShape());
  }
}
