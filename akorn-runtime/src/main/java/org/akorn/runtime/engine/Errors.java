package org.akorn.runtime.engine;

/** Relative error of an engine result against a double-precision one. */
final class Errors {
  private Errors() {}

  /**
   * {@code max |actual - expected| / max |expected|}; NaN or infinity in {@code actual} counts as
   * infinitely wrong.
   */
  static double relative(float[] actual, double[] expected) {
    if (actual.length != expected.length) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      if (!Float.isFinite(actual[i])) {
        return Double.POSITIVE_INFINITY;
      }
      scale = Math.max(scale, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
    }
    return worst / Math.max(scale, 1e-30);
  }

  /** {@code n} values uniform in [-1, 1) from a seeded generator. */
  static float[] uniform(java.util.SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return a;
  }
}
