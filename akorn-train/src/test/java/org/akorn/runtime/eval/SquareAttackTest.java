package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The Square attack against a linear classifier whose smallest adversarial epsilon is known. */
class SquareAttackTest {
  private static final double[] TARGETS = {0.02, 0.03, 0.045, 0.06, 0.08, 0.1};

  @Test
  void windowShareFollowsThePublishedScheduleRescaledToTheBudget() {
    // 5000 queries: query i sits at i * 2 of the schedule's 10,000.
    assertThat(SquareAttack.windowShare(0, 5000, 0.8)).isEqualTo(0.8);
    assertThat(SquareAttack.windowShare(5, 5000, 0.8)).isEqualTo(0.8);
    assertThat(SquareAttack.windowShare(6, 5000, 0.8)).isEqualTo(0.4);
    assertThat(SquareAttack.windowShare(100, 5000, 0.8)).isEqualTo(0.2);
    assertThat(SquareAttack.windowShare(101, 5000, 0.8)).isEqualTo(0.1);
    assertThat(SquareAttack.windowShare(4999, 5000, 0.8)).isEqualTo(0.8 / 512);
    // 10,000 queries: the schedule itself; 2001 falls in (2000, 4000]: p_init / 64.
    assertThat(SquareAttack.windowShare(2001, 10000, 0.8)).isEqualTo(0.8 / 64);
  }

  @Test
  void findsTheSmallestEpsilonOfABinaryLinearClassifierWithinOnePercentIn1000Queries() {
    int budget = 1000;
    SquareAttack attack = new SquareAttack(budget, 0.8);
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(11);
      float[] x = LinearProblems.images(w, TARGETS, 12);
      int[] labels = LinearProblems.labels(w, x);
      double[] smallest = LinearProblems.smallestEpsilons(w, x);
      Classifier c = LinearProblems.binary(m, w);
      for (int b = 0; b < TARGETS.length; b++) {
        float[] one = java.util.Arrays.copyOfRange(x, b * 16, (b + 1) * 16);
        int[] label = {labels[b]};
        Attack.Outcome above = attack.run(c, LinearProblems.batch(m, one), label,
            (float) (1.01 * smallest[b]), 5);
        float[] adv = above.adversarial().toFloatArray();
        assertThat(above.fooled()[0]).isTrue();
        assertThat(above.forwardPasses()).isAtMost(budget + 1);
        assertThat(LinearProblems.score(w, adv, 0) > 0).isNotEqualTo(labels[b] == 1);
        assertThat(LinearProblems.linf(adv, one, 0)).isAtMost(1.01 * smallest[b] + 1e-6);
        Attack.Outcome below = attack.run(c, LinearProblems.batch(m, one), label,
            (float) (0.99 * smallest[b]), 5);
        assertThat(below.fooled()[0]).isFalse();
        assertThat(below.forwardPasses()).isEqualTo(budget + 1);
      }
    }
  }

  @Test
  void aBatchStopsQueryingOnceEveryExampleIsFooled() {
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(11);
      float[] x = LinearProblems.images(w, TARGETS, 12);
      Attack.Outcome o = new SquareAttack(1000, 0.8).run(LinearProblems.binary(m, w),
          LinearProblems.batch(m, x), LinearProblems.labels(w, x), 0.2f, 1);
      assertThat(o.fooled()).asList().containsExactly(true, true, true, true, true, true);
      assertThat(o.forwardPasses()).isLessThan(1001);
      assertThrows(IllegalArgumentException.class, () -> new SquareAttack(10, 0.8).run(
          LinearProblems.binary(m, w), m.zeros(new Shape(1, 16)), new int[] {0}, 0.1f, 1));
    }
  }
}
