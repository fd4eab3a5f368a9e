package org.akorn.runtime.selfsupervised;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtXentLossTest {

  @Test
  void handComputedTwoImagesOfIdenticalViews() {
    // views of image 0 along (1, 0), of image 1 along (0, 3): each row sees its positive at
    // logit 10 and two negatives at 0, so every row's loss is log(1 + 2 e^-10)
    float[] z = {1, 0, 2, 0, 0, 3, 0, 1};
    try (NDManager m = NDManager.newBaseManager()) {
      float loss = NtXentLoss.reference().compute(m.create(z, new Shape(4, 2))).getFloat();
      assertThat((double) loss).isWithin(1e-7).of(Math.log1p(2 * Math.exp(-10)));
      assertThat(NtXentLoss.reference().temperature()).isEqualTo(0.1f);
    }
  }

  @Test
  void matchesADoublePrecisionComputation() {
    Random random = new Random(8);
    for (float temperature : new float[] {0.1f, 0.5f, 1f}) {
      for (int b : new int[] {1, 3, 8}) {
        int d = 6;
        float[] z = gaussian(random, 2 * b * d);
        double expected = reference(toDouble(z), b, d, temperature);
        try (NDManager m = NDManager.newBaseManager()) {
          NDArray loss = new NtXentLoss(temperature)
              .compute(new NDList(m.create(z, new Shape(2 * b, d))), new NDList());
          assertThat(loss.getShape()).isEqualTo(new Shape());
          assertThat((double) loss.getFloat()).isWithin(1e-5 * Math.max(1, expected)).of(expected);
        }
      }
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Random random = new Random(9);
    int b = 4;
    int d = 5;
    float temperature = 0.1f;
    float[] z = gaussian(random, 2 * b * d);
    double[] zd = toDouble(z);
    double[] numeric = new double[zd.length];
    double h = 1e-6;
    for (int i = 0; i < zd.length; i++) {
      double keep = zd[i];
      zd[i] = keep + h;
      double up = reference(zd, b, d, temperature);
      zd[i] = keep - h;
      double down = reference(zd, b, d, temperature);
      zd[i] = keep;
      numeric[i] = (up - down) / (2 * h);
    }
    float[] analytic;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(z, new Shape(2 * b, d));
      x.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(new NtXentLoss(temperature).compute(x));
      }
      analytic = x.getGradient().toFloatArray();
    }
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < numeric.length; i++) {
      diff += (analytic[i] - numeric[i]) * (analytic[i] - numeric[i]);
      norm += numeric[i] * numeric[i];
    }
    assertThat(norm).isGreaterThan(1e-4);
    assertThat(Math.sqrt(diff / norm)).isLessThan(1e-3);
  }

  @Test
  void rejectsAnOddBatchAndABadTemperature() {
    try (NDManager m = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> NtXentLoss.reference().compute(m.zeros(new Shape(3, 4))));
      assertThat(e).hasMessageThat().isEqualTo("NT-Xent needs features [2B, d] with B >= 1, got (3, 4)");
    }
    IllegalArgumentException t =
        assertThrows(IllegalArgumentException.class, () -> new NtXentLoss(0f));
    assertThat(t).hasMessageThat().isEqualTo("temperature must be positive, got 0.0");
  }

  /** The reference's definition in double precision; rows 2i and 2i + 1 are image i's views. */
  static double reference(double[] z, int b, int d, double temperature) {
    int n = 2 * b;
    double[][] rows = new double[n][d];
    for (int i = 0; i < b; i++) {
      for (int v = 0; v < 2; v++) {
        double norm = 0;
        for (int j = 0; j < d; j++) {
          norm += z[(2 * i + v) * d + j] * z[(2 * i + v) * d + j];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        for (int j = 0; j < d; j++) {
          rows[v * b + i][j] = z[(2 * i + v) * d + j] / norm; // first views, then second
        }
      }
    }
    double total = 0;
    for (int r = 0; r < n; r++) {
      double[] logits = new double[n];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += rows[r][j] * rows[c][j];
        }
        logits[c] = dot / temperature + (r == c ? -1e8 : 0);
        max = Math.max(max, logits[c]);
      }
      double sum = 0;
      for (double l : logits) {
        sum += Math.exp(l - max);
      }
      total += max + Math.log(sum) - logits[(r + b) % n];
    }
    return total / n;
  }

  private static float[] gaussian(Random random, int n) {
    float[] z = new float[n];
    for (int i = 0; i < n; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return z;
  }

  private static double[] toDouble(float[] z) {
    double[] d = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      d[i] = z[i];
    }
    return d;
  }
}
