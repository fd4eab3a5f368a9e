package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Input gradients, FGSM and PGD on a linear classifier, against hand-derived values. */
class AttacksTest {
  /** logits = W x, W [2 classes, 3 inputs]. */
  private static final double[][] W = {{0.5, -1.0, 2.0}, {-0.25, 0.75, 0.1}};
  private static final double[][] X = {{0.2, 0.9, 0.4}, {0.0, 1.0, 0.5}};
  private static final int[] Y = {0, 1};

  /** d mean-CE / d x_b = (softmax(W x_b) - onehot(y_b))^T W / B, in double precision. */
  private static double[][] expectedGradient() {
    double[][] g = new double[X.length][3];
    for (int b = 0; b < X.length; b++) {
      double[] z = new double[2];
      for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 3; i++) {
          z[k] += W[k][i] * X[b][i];
        }
      }
      double max = Math.max(z[0], z[1]);
      double e0 = Math.exp(z[0] - max);
      double e1 = Math.exp(z[1] - max);
      double[] p = {e0 / (e0 + e1), e1 / (e0 + e1)};
      for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 2; k++) {
          g[b][i] += (p[k] - (Y[b] == k ? 1 : 0)) * W[k][i] / X.length;
        }
      }
    }
    return g;
  }

  private static Classifier linear(NDManager m) {
    NDArray wt = m.create(new float[] {0.5f, -0.25f, -1f, 0.75f, 2f, 0.1f}, new Shape(3, 2));
    return (x, seed) -> x.matMul(wt);
  }

  private static NDArray input(NDManager m) {
    return m.create(new float[] {0.2f, 0.9f, 0.4f, 0f, 1f, 0.5f}, new Shape(2, 3));
  }

  @Test
  void inputGradientOfCrossEntropyMatchesTheHandDerivedOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray g = InputGradients.ofCrossEntropy(linear(m), input(m), m.create(new long[] {0, 1}),
          0, 1);
      double[][] want = expectedGradient();
      float[] got = g.toFloatArray();
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          assertThat((double) got[b * 3 + i]).isWithin(1e-6).of(want[b][i]);
        }
      }
      NDArray averaged = InputGradients.ofCrossEntropy(linear(m), input(m),
          m.create(new long[] {0, 1}), 0, 3);
      assertThat(averaged.toFloatArray()).usingTolerance(1e-6).containsExactly(got).inOrder();
    }
  }

  @Test
  void fgsmStepsBySignOfTheGradientAndClipsToTheUnitInterval() {
    double[][] g = expectedGradient();
    float eps = 8 / 255f;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = input(m);
      NDArray grad = InputGradients.ofCrossEntropy(linear(m), x, m.create(new long[] {0, 1}), 0, 1);
      float[] adv = Perturbations.fgsm(x, grad, eps).toFloatArray();
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          double want = Math.min(1, Math.max(0, X[b][i] + eps * Math.signum(g[b][i])));
          assertThat((double) adv[b * 3 + i]).isWithin(1e-7).of(want);
        }
      }
      // x[1] = (0, 1, 0.5): the gradient of sample 1 is (+, -, +) * ... so 1.0 moves down and
      // 0.0 moves up; nothing leaves [0, 1].
      assertThat(adv[3]).isEqualTo(g[1][0] > 0 ? eps : 0f);
    }
  }

  @Test
  void pgdOnALinearModelEndsAtTheEdgeOfTheEpsilonBall() {
    double[][] g = expectedGradient();
    float eps = 8 / 255f;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = input(m);
      float[] adv = Perturbations.pgd(linear(m), x, m.create(new long[] {0, 1}), eps, 2 / 255f,
          20, 1, 0).toFloatArray();
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          double want = Math.min(1, Math.max(0, X[b][i] + eps * Math.signum(g[b][i])));
          assertThat((double) adv[b * 3 + i]).isWithin(1e-6).of(want);
        }
      }
    }
  }

  @Test
  void gaussianNoiseIsSeededAndClipped() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.full(new Shape(1000), 0.5f);
      float[] a = Perturbations.gaussianNoise(x, 0.1f, 3).toFloatArray();
      float[] b = Perturbations.gaussianNoise(x, 0.1f, 3).toFloatArray();
      assertThat(a).isEqualTo(b);
      double sum = 0;
      double sq = 0;
      for (float v : a) {
        sum += v - 0.5;
        sq += (v - 0.5) * (v - 0.5);
      }
      assertThat(Math.sqrt(sq / a.length)).isWithin(0.01).of(0.1);
      float[] clipped = Perturbations.gaussianNoise(m.zeros(new Shape(100)), 1f, 4).toFloatArray();
      for (float v : clipped) {
        assertThat(v).isAtLeast(0f);
        assertThat(v).isAtMost(1f);
      }
    }
  }
}
