package org.akorn.runtime.data.augment;

import java.util.SplittableRandom;

/** Gamma(shape, 1) draws (Marsaglia and Tsang 2000; shape below 1 by the usual boost). */
final class Gamma {
  private Gamma() {}

  static double sample(SplittableRandom random, double shape) {
    if (shape == 1) {
      return -Math.log(1 - random.nextDouble()); // exponential
    }
    if (shape < 1) {
      double u = 1 - random.nextDouble();
      return sample(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = 1 - random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
