package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {

  /** Three steps of torch.optim.Adam written out in double precision. */
  @Test
  void matchesHandComputedTorchAdamForOneParameter() {
    double lr = 0.01;
    double b1 = 0.9;
    double b2 = 0.999;
    double eps = 1e-8;
    double wd = 0.1;
    double[] w = {0.5, -1.5, 2.0};
    double[][] grads = {{0.1, -0.2, 0.3}, {-0.05, 0.4, 1e-4}, {0.3, 0.3, -0.7}};
    try (NDManager m = NDManager.newBaseManager();
        AdamOptimizer adam =
            AdamOptimizer.builder()
                .optLearningRate(lr)
                .optWeightDecay(wd)
                .build(m)) {
      NDArray weight = m.create(toFloat(w));
      double[] mean = new double[3];
      double[] var = new double[3];
      for (int t = 1; t <= 3; t++) {
        try (NDArray g = m.create(toFloat(grads[t - 1]))) {
          adam.update("w", weight, g);
        }
        for (int i = 0; i < 3; i++) {
          double g = grads[t - 1][i] + wd * w[i];
          mean[i] = b1 * mean[i] + (1 - b1) * g;
          var[i] = b2 * var[i] + (1 - b2) * g * g;
          double denom = Math.sqrt(var[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
          w[i] -= lr / (1 - Math.pow(b1, t)) * mean[i] / denom;
        }
        float[] actual = weight.toFloatArray();
        for (int i = 0; i < 3; i++) {
          assertThat((double) actual[i]).isWithin(1e-6).of(w[i]);
        }
      }
      assertThat(adam.stepCount("w")).isEqualTo(3);
      assertThat(adam.learningRate()).isEqualTo(0.01);
    }
  }

  @Test
  void firstStepMovesEachWeightByTheLearningRateAgainstTheGradientSign() {
    try (NDManager m = NDManager.newBaseManager();
        AdamOptimizer adam = AdamOptimizer.builder().build(m)) {
      NDArray weight = m.create(new float[] {1f, 1f});
      try (NDArray g = m.create(new float[] {5f, -0.25f})) {
        adam.update("w", weight, g);
      }
      float[] actual = weight.toFloatArray();
      assertThat((double) actual[0]).isWithin(1e-6).of(1 - 1e-3);
      assertThat((double) actual[1]).isWithin(1e-6).of(1 + 1e-3);
    }
  }

  private static float[] toFloat(double[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }
}
