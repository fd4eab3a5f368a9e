package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ConfidenceVotingTest {

  /** Two cells of two classes per sample, logits chosen so the top-1 probabilities are known. */
  private static NDArray logits(NDManager m, float... values) {
    return m.create(values, new Shape(2, 2, 2));
  }

  /** The larger softmax probability of two logits. */
  private static double top(double a, double b) {
    return Math.exp(Math.max(a, b)) / (Math.exp(a) + Math.exp(b));
  }

  @Test
  void confidenceIsTheMeanTopProbabilityOverPositions() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray l = logits(m, 0f, 0f, 2f, 0f, 1f, -1f, 0f, 3f);
      float[] c = ConfidenceVoting.confidence(l).toFloatArray();
      assertThat((double) c[0]).isWithin(1e-6).of((0.5 + top(2, 0)) / 2);
      assertThat((double) c[1]).isWithin(1e-6).of((top(1, -1) + top(0, 3)) / 2);
    }
  }

  @Test
  void keepsTheMostConfidentCandidatePerSample() {
    try (NDManager m = NDManager.newBaseManager()) {
      // candidate 0: sample 0 unsure, sample 1 sure; candidate 1 the other way round
      NDArray[] candidates = {
        logits(m, 0f, 0.1f, 0.1f, 0f, 5f, 0f, 0f, 5f),
        logits(m, 4f, 0f, 0f, 4f, 0.2f, 0f, 0f, 0.2f),
        logits(m, 4f, 0f, 0f, 4f, 0f, 0f, 0f, 0f)
      };
      long[] seeds = new long[3];
      try (ConfidenceVoting.Vote v = ConfidenceVoting.vote(m, 3, 40, (k, seed) -> {
        seeds[k] = seed;
        return candidates[k].duplicate();
      })) {
        assertThat(seeds).asList().containsExactly(40L, 41L, 42L).inOrder();
        // sample 0: candidates 1 and 2 tie (top 4 vs 0 on both cells); the earliest wins
        assertThat(v.chosen().toLongArray()).asList().containsExactly(1L, 0L).inOrder();
        assertThat(v.prediction().get(0).toFloatArray()).usingExactEquality()
            .containsExactly(4f, 0f, 0f, 4f).inOrder();
        assertThat(v.prediction().get(1).toFloatArray()).usingExactEquality()
            .containsExactly(5f, 0f, 0f, 5f).inOrder();
        assertThat((double) v.confidence().getFloat(0)).isWithin(1e-6).of(top(4, 0));
        assertThat((double) v.confidence().getFloat(1)).isWithin(1e-6).of(top(5, 0));
      }
    }
  }

  @Test
  void aNanCandidateNeverWins() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray nan = logits(m, Float.NaN, 0f, 0f, 0f, Float.NaN, 0f, 0f, 0f);
      NDArray plain = logits(m, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f);
      try (ConfidenceVoting.Vote v = ConfidenceVoting.vote(m, 2, 0, (k, seed) -> (k == 0 ? nan : plain).duplicate())) {
        assertThat(v.chosen().toLongArray()).asList().containsExactly(1L, 1L).inOrder();
      }
      assertThrows(IllegalArgumentException.class, () -> ConfidenceVoting.vote(m, 0, 0, (k, s) -> plain));
    }
  }
}
