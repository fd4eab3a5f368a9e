package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Linear classifiers on 4 x 4 images whose smallest L-infinity adversarial perturbation is known
 * in closed form: for logits {@code z = W x + b}, the example of class y is misclassified within
 * epsilon iff some class j has {@code z_y - z_j <= epsilon * ||w_y - w_j||_1} (as long as the
 * [0, 1] box does not bind), so the smallest epsilon is {@code min_j (z_y - z_j) / ||w_y -
 * w_j||_1}; for two classes with logits {@code (-s/2, s/2)}, {@code s = w . x}, it is
 * {@code |s| / ||w||_1}.
 */
final class LinearProblems {
  static final int PIXELS = 16;

  /** A weight vector of 16 entries of mixed sign and magnitude in [0.25, 1]. */
  static double[] weights(long seed) {
    Random r = new Random(seed);
    double[] w = new double[PIXELS];
    for (int i = 0; i < PIXELS; i++) {
      w[i] = (0.25 + 0.75 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
    }
    return w;
  }

  static double l1(double[] w) {
    double s = 0;
    for (double v : w) {
      s += Math.abs(v);
    }
    return s;
  }

  /**
   * Images in [0.25, 0.75] with {@code w . x = sign * epsilons[b] * ||w||_1}: pixels drawn in
   * [0.4, 0.6], then moved along {@code sign(w)} to set the score; labels = the score's class.
   */
  static float[] images(double[] w, double[] epsilons, long seed) {
    Random r = new Random(seed);
    float[] x = new float[epsilons.length * PIXELS];
    for (int b = 0; b < epsilons.length; b++) {
      double score = 0;
      double[] row = new double[PIXELS];
      for (int i = 0; i < PIXELS; i++) {
        row[i] = 0.4 + 0.2 * r.nextDouble();
        score += w[i] * row[i];
      }
      double want = (b % 2 == 0 ? 1 : -1) * epsilons[b] * l1(w);
      double shift = (want - score) / l1(w);
      for (int i = 0; i < PIXELS; i++) {
        double v = row[i] + shift * Math.signum(w[i]);
        if (v < 0.25 || v > 0.75) {
          throw new IllegalStateException("pixel " + v + " leaves [0.25, 0.75]");
        }
        x[b * PIXELS + i] = (float) v;
      }
    }
    return x;
  }

  /** The class of every image: 1 where {@code w . x > 0}. */
  static int[] labels(double[] w, float[] x) {
    int[] y = new int[x.length / PIXELS];
    for (int b = 0; b < y.length; b++) {
      y[b] = score(w, x, b) > 0 ? 1 : 0;
    }
    return y;
  }

  static double score(double[] w, float[] x, int b) {
    double s = 0;
    for (int i = 0; i < PIXELS; i++) {
      s += w[i] * x[b * PIXELS + i];
    }
    return s;
  }

  /** {@code |w . x| / ||w||_1} per image, in double precision. */
  static double[] smallestEpsilons(double[] w, float[] x) {
    double[] e = new double[x.length / PIXELS];
    for (int b = 0; b < e.length; b++) {
      e[b] = Math.abs(score(w, x, b)) / l1(w);
    }
    return e;
  }

  /** Logits {@code (-s/2, s/2)}, {@code s = w . x}, of images {@code [B, 1, 4, 4]}. */
  static Classifier binary(NDManager m, double[] w) {
    float[] wt = new float[PIXELS * 2];
    for (int i = 0; i < PIXELS; i++) {
      wt[i * 2] = (float) (-w[i] / 2);
      wt[i * 2 + 1] = (float) (w[i] / 2);
    }
    NDArray matrix = m.create(wt, new Shape(PIXELS, 2));
    return (x, seed) -> x.reshape(x.getShape().get(0), PIXELS).matMul(matrix);
  }

  /**
   * Three classes: the binary logits plus a third class far below ({@code -10}), so the DLR
   * loss has its three logits while the smallest epsilon stays the binary one.
   */
  static Classifier threeClasses(NDManager m, double[] w) {
    Classifier two = binary(m, w);
    return (x, seed) -> {
      NDArray z = two.logits(x, seed);
      return z.concat(z.getManager().full(new Shape(x.getShape().get(0), 1), -10f), 1);
    };
  }

  static NDArray batch(NDManager m, float[] x) {
    return m.create(x, new Shape(x.length / PIXELS, 1, 4, 4));
  }

  /** The largest |adv - x| of row b. */
  static double linf(float[] adv, float[] x, int b) {
    double d = 0;
    for (int i = 0; i < PIXELS; i++) {
      d = Math.max(d, Math.abs(adv[b * PIXELS + i] - x[b * PIXELS + i]));
    }
    return d;
  }

  private LinearProblems() {}
}
