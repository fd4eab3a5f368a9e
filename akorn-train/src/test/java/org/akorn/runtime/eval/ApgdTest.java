package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** APGD against linear classifiers whose smallest adversarial epsilon is known exactly. */
class ApgdTest {
  private static final double[] TARGETS = {0.02, 0.03, 0.045, 0.06, 0.08, 0.1};

  private static int openArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  @Test
  void checkpointsFollowThePublishedScheduleFor100And20Iterations() {
    // 100: intervals 22, 19, 16, 13, 10, 7, then 6 (the floor 0.06 N).
    assertThat(ApgdSchedule.checkpoints(100)).asList()
        .containsExactly(22, 41, 57, 70, 80, 87, 93, 99).inOrder();
    // 20: 0.22 * 20 = 4.4 -> 4, shrinking by 1 per checkpoint down to 1.
    assertThat(ApgdSchedule.checkpoints(20)).asList()
        .containsExactly(4, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20).inOrder();
    assertThat(ApgdSchedule.checkpoints(1)).asList().containsExactly(1);
    assertThrows(IllegalArgumentException.class, () -> ApgdSchedule.checkpoints(0));
  }

  @Test
  void stepSizeHalvesOnOscillationOrOnAStallAfterAKeptStep() {
    // 22-step interval, rho 0.75: 16.5 rising steps is the line.
    assertThat(ApgdSchedule.halve(16, 22, 0.75, true, 0, 1)).isTrue();
    assertThat(ApgdSchedule.halve(17, 22, 0.75, true, 0, 1)).isFalse();
    // Enough rises, but the last checkpoint kept the step and the best loss has not improved.
    assertThat(ApgdSchedule.halve(17, 22, 0.75, false, 1.0, 1.0)).isTrue();
    assertThat(ApgdSchedule.halve(17, 22, 0.75, false, 1.0, 1.5)).isFalse();
    // Halved last time: a stall alone does not halve again.
    assertThat(ApgdSchedule.halve(17, 22, 0.75, true, 1.0, 1.0)).isFalse();
  }

  @Test
  void dlrLossesMatchHandComputedValues() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray z = m.create(new float[] {1, 4, 2, 3, 1, 4, 2, 3, 0.5f, -1, 2, 0}, new Shape(3, 4));
      NDArray y = m.create(new long[] {1, 0, 3});
      // Row 0, y = 1 is top: -(4 - 3) / (4 - 2) = -0.5. Row 1, y = 0: -(1 - 4) / (4 - 2) = 1.5.
      // Row 2 sorted 2, 0.5, 0, -1; y = 3 (z = 0): -(0 - 2) / (2 - 0) = 1.
      assertThat(AttackLoss.dlr(z, y).toFloatArray()).usingTolerance(1e-6)
          .containsExactly(-0.5f, 1.5f, 1f).inOrder();
      // Targeted towards 3, 2, 1: -(4 - 3) / (4 - (2 + 1) / 2) = -0.4;
      // -(1 - 2) / 2.5 = 0.4; -(0 - (-1)) / (2 - (0 + -1) / 2) = -1 / 2.5 = -0.4.
      NDArray t = m.create(new long[] {3, 2, 1});
      assertThat(AttackLoss.targetedDlr(t).perExample(z, y).toFloatArray()).usingTolerance(1e-6)
          .containsExactly(-0.4f, 0.4f, -0.4f).inOrder();
      // Cross-entropy of row 0: log(e + e^4 + e^2 + e^3) - 4.
      double lse = Math.log(Math.exp(1) + Math.exp(4) + Math.exp(2) + Math.exp(3));
      assertThat((double) AttackLoss.crossEntropy(z, y).toFloatArray()[0])
          .isWithin(1e-5).of(lse - 4);
      assertThat(AttackLoss.margins(z.toFloatArray(), new int[] {1, 0, 3})).usingTolerance(0)
          .containsExactly(1f, -3f, -2f).inOrder();
      assertThrows(IllegalArgumentException.class,
          () -> AttackLoss.dlr(m.create(new float[] {1, 2}, new Shape(1, 2)), m.create(
              new long[] {0})));
    }
  }

  @Test
  void dlrGradientThroughTheSortMatchesFiniteDifferences() {
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(11);
      Classifier c = LinearProblems.threeClasses(m, w);
      float[] x = LinearProblems.images(w, new double[] {0.05}, 12);
      NDArray input = LinearProblems.batch(m, x);
      NDArray y = m.create(new long[] {LinearProblems.labels(w, x)[0]});
      float[] g = InputGradients.ofLoss(c, AttackLoss::dlr, input, y, 0, 1).gradient()
          .toFloatArray();
      // DLR of (-s/2, s/2, -10) for label 1 (s > 0): -(s/2 + s/2) / (s/2 + 10), in double.
      double h = 1e-4;
      for (int i = 0; i < LinearProblems.PIXELS; i++) {
        double s = LinearProblems.score(w, x, 0);
        double up = s + h * w[i];
        double down = s - h * w[i];
        double fd = (-up / (up / 2 + 10) + down / (down / 2 + 10)) / (2 * h);
        assertThat((double) g[i]).isWithin(1e-4).of(fd);
      }
    }
  }

  @Test
  void eotGradientIsTheMeanOfTheDrawsGradients() {
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(5);
      float[] x = LinearProblems.images(w, new double[] {0.05, 0.07}, 6);
      // A random model: the weights are scaled by a factor drawn from the seed.
      Classifier base = LinearProblems.threeClasses(m, w);
      Classifier random = (in, seed) -> base.logits(in.mul(0.5f + new Random(seed).nextFloat()),
          seed);
      NDArray input = LinearProblems.batch(m, x);
      NDArray y = m.create(new long[] {1, 0});
      float[] mean = InputGradients.ofLoss(random, AttackLoss::crossEntropy, input, y, 10, 3)
          .gradient().toFloatArray();
      float[] sum = new float[mean.length];
      for (int k = 0; k < 3; k++) {
        float[] one = InputGradients.ofLoss(random, AttackLoss::crossEntropy, input, y, 10 + k, 1)
            .gradient().toFloatArray();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += one[i] / 3;
        }
      }
      assertThat(mean).usingTolerance(1e-6).containsExactly(sum).inOrder();
    }
  }

  @Test
  void apgdCeFindsTheSmallestEpsilonOfABinaryLinearClassifierWithinOnePercent() {
    assertFindsSmallestEpsilon(Apgd.untargeted(Apgd.Loss.CE, Apgd.Settings.of(20, 1, 1)), false);
  }

  @Test
  void apgdDlrFindsTheSmallestEpsilonWithinOnePercent() {
    assertFindsSmallestEpsilon(Apgd.untargeted(Apgd.Loss.DLR, Apgd.Settings.of(20, 1, 1)), true);
  }

  private static void assertFindsSmallestEpsilon(Apgd attack, boolean threeClasses) {
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(11);
      float[] x = LinearProblems.images(w, TARGETS, 12);
      int[] labels = LinearProblems.labels(w, x);
      double[] smallest = LinearProblems.smallestEpsilons(w, x);
      Classifier c = threeClasses ? LinearProblems.threeClasses(m, w)
          : LinearProblems.binary(m, w);
      for (int b = 0; b < x.length / LinearProblems.PIXELS; b++) {
        assertThat(smallest[b]).isWithin(1e-6).of(TARGETS[b]);
        float[] one = java.util.Arrays.copyOfRange(x, b * 16, (b + 1) * 16);
        int[] label = {labels[b]};
        Attack.Outcome above = attack.run(c, LinearProblems.batch(m, one), label,
            (float) (1.01 * smallest[b]), 7);
        float[] adv = above.adversarial().toFloatArray();
        assertThat(above.fooled()[0]).isTrue();
        assertThat(LinearProblems.score(w, adv, 0) > 0).isNotEqualTo(labels[b] == 1);
        assertThat(LinearProblems.linf(adv, one, 0)).isAtMost(1.01 * smallest[b] + 1e-6);
        Attack.Outcome below = attack.run(c, LinearProblems.batch(m, one), label,
            (float) (0.99 * smallest[b]), 7);
        assertThat(below.fooled()[0]).isFalse();
        assertThat(LinearProblems.linf(below.adversarial().toFloatArray(), one, 0))
            .isAtMost(0.99 * smallest[b] + 1e-6);
      }
    }
  }

  @Test
  void apgdTargetedFindsTheEasiestOfFourClassesWithinOnePercent() {
    Random r = new Random(21);
    float[] wt = new float[16 * 4];
    double[][] w = new double[4][16];
    for (int i = 0; i < 16; i++) {
      for (int k = 0; k < 4; k++) {
        w[k][i] = 2 * r.nextDouble() - 1;
        wt[i * 4 + k] = (float) w[k][i];
      }
    }
    int n = 8;
    float[] x = new float[n * 16];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.4 + 0.2 * r.nextDouble());
    }
    int[] labels = new int[n];
    double[] smallest = new double[n];
    for (int b = 0; b < n; b++) {
      double[] z = new double[4];
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < 16; i++) {
          z[k] += w[k][i] * x[b * 16 + i];
        }
        labels[b] = z[k] > z[labels[b]] ? k : labels[b];
      }
      smallest[b] = Double.MAX_VALUE;
      for (int j = 0; j < 4; j++) {
        if (j != labels[b]) {
          double d = 0;
          for (int i = 0; i < 16; i++) {
            d += Math.abs(w[labels[b]][i] - w[j][i]);
          }
          smallest[b] = Math.min(smallest[b], (z[labels[b]] - z[j]) / d);
        }
      }
      // The [0, 1] box never binds: pixels lie in [0.4, 0.6].
      assertThat(smallest[b]).isLessThan(0.35);
    }
    Apgd attack = Apgd.targeted(3, Apgd.Settings.of(20, 1, 1));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray matrix = m.create(wt, new Shape(16, 4));
      Classifier c = (in, seed) -> in.reshape(in.getShape().get(0), 16).matMul(matrix);
      for (int b = 0; b < n; b++) {
        float[] one = java.util.Arrays.copyOfRange(x, b * 16, (b + 1) * 16);
        NDArray input = LinearProblems.batch(m, one);
        int[] label = {labels[b]};
        assertThat(attack.run(c, input, label, (float) (1.01 * smallest[b]), 3).fooled()[0])
            .isTrue();
        assertThat(attack.run(c, input, label, (float) (0.99 * smallest[b]), 3).fooled()[0])
            .isFalse();
      }
      assertThat(attack.name()).isEqualTo("APGD-T");
      assertThat(attack.settings()).isEqualTo("20 iterations, 1 restart(s), EOT 1, momentum"
          + " 0.75, rho 0.75, 3 target classes");
    }
  }

  @Test
  void aBatchKeepsEveryRowInsideItsBallAndLeavesNoNativeArraysBehind() {
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(31);
      float[] x = LinearProblems.images(w, TARGETS, 32);
      int[] labels = LinearProblems.labels(w, x);
      Classifier c = LinearProblems.binary(m, w);
      Apgd attack = Apgd.untargeted(Apgd.Loss.CE, Apgd.Settings.of(10, 2, 2));
      NDArray input = LinearProblems.batch(m, x);
      attack.run(c, input, labels, 0.05f, 1).adversarial().close();
      int before = openArrays();
      Attack.Outcome o = attack.run(c, input, labels, 0.05f, 1);
      float[] adv = o.adversarial().toFloatArray();
      o.adversarial().close();
      assertThat(openArrays()).isEqualTo(before);
      for (int b = 0; b < TARGETS.length; b++) {
        assertThat(LinearProblems.linf(adv, x, b)).isAtMost(0.05 + 1e-6);
        // Smallest epsilons 0.02, 0.03, 0.045 fall within 0.05; 0.06, 0.08, 0.1 do not.
        assertThat(o.fooled()[b]).isEqualTo(TARGETS[b] < 0.05);
      }
    }
  }
}
