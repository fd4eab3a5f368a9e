package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;

/** Oscillator geometry: groups of {@code n} consecutive channels live on the unit sphere. */
public final class Sphere {
  /** Lower bound of the norm in {@link #normalize}, as {@code F.normalize}. */
  public static final float EPS = 1e-12f;

  private Sphere() {}

  /** Divides each n-vector of {@code x [B, C, ...]} by {@code max(norm, 1e-12)}. */
  public static NDArray normalize(NDArray x, int n) {
    // F.normalize: one norm reduction, a clamp and a division (instead of square, sum, sqrt,
    // maximum, division)
    return x.reshape(NnUtil.groupShape(x.getShape(), n)).normalize(2, 2, EPS).reshape(x.getShape());
  }
}
