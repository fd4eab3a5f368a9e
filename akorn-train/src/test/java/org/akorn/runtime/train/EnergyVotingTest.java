package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyVotingTest {

  @Test
  void keepsThePredictionWithTheLowestEnergyPerSample() {
    try (NDManager m = NDManager.newBaseManager()) {
      // K = 3 candidates, B = 4 samples, predictions [B, 2] hold (candidate, sample).
      NDList predictions = new NDList();
      for (int k = 0; k < 3; k++) {
        float[][] p = new float[4][];
        for (int b = 0; b < 4; b++) {
          p[b] = new float[] {k, b};
        }
        predictions.add(m.create(p));
      }
      NDList energies =
          new NDList(
              m.create(new float[] {5f, -1f, 2f, Float.NaN}),
              m.create(new float[] {3f, 0f, 2f, 7f}),
              m.create(new float[] {4f, 9f, 1f, 8f}));
      try (EnergyVoting.Vote vote = EnergyVoting.select(m, predictions, energies)) {
        assertThat(vote.chosen().toLongArray()).asList().containsExactly(1L, 0L, 2L, 1L).inOrder();
        assertThat(vote.energy().toFloatArray()).usingExactEquality()
            .containsExactly(3f, -1f, 1f, 7f).inOrder();
        assertThat(vote.prediction().getShape()).isEqualTo(new Shape(4, 2));
        assertThat(vote.prediction().toFloatArray()).usingExactEquality()
            .containsExactly(1f, 0f, 0f, 1f, 2f, 2f, 1f, 3f).inOrder();
      }
    }
  }

  @Test
  void tiesGoToTheEarliestCandidate() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDList predictions = new NDList(m.create(new float[] {10f}), m.create(new float[] {20f}));
      NDList energies = new NDList(m.create(new float[] {1f}), m.create(new float[] {1f}));
      try (EnergyVoting.Vote vote = EnergyVoting.select(m, predictions, energies)) {
        assertThat(vote.prediction().toFloatArray()).usingExactEquality().containsExactly(10f);
      }
    }
  }

  @Test
  void voteRunsEachSeedOnceAndSelectsPerSample() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<Long> seeds = new ArrayList<>();
      // Candidate k predicts [B, 9, 9] filled with k; energy of sample b is (k - b)^2.
      EnergyVoting.NoiseRun run =
          (k, seed) -> {
            seeds.add(seed);
            NDArray prediction = m.full(new Shape(3, 9, 9), (float) k);
            NDArray energy = m.arange(0f, 3f).sub(k).square();
            return new EnergyVoting.Candidate(prediction, energy);
          };
      try (EnergyVoting.Vote vote = EnergyVoting.vote(m, 4, 100L, run)) {
        assertThat(seeds).containsExactly(100L, 101L, 102L, 103L).inOrder();
        assertThat(vote.chosen().toLongArray()).asList().containsExactly(0L, 1L, 2L).inOrder();
        assertThat(vote.prediction().getShape()).isEqualTo(new Shape(3, 9, 9));
        for (int b = 0; b < 3; b++) {
          assertThat(vote.prediction().get(b).toFloatArray())
              .usingExactEquality().containsExactlyElementsIn(filled(81, b)).inOrder();
        }
      }
    }
  }

  @Test
  void votingOverManyBatchesLeavesTheNumberOfOpenArraysUnchanged() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = TinyModels.convNet(m, 3, 4);
      ParameterStore store = new ParameterStore(m, false);
      int afterTen = -1;
      for (int batchIndex = 1; batchIndex <= 200; batchIndex++) {
        try (NDManager batch = m.newSubManager()) {
          NDArray images = batch.ones(new Shape(4, 1, 8, 8)).mul(batchIndex % 7);
          EnergyVoting.NoiseRun run =
              (k, seed) -> {
                NDArray noisy =
                    images.add(EnergyVoting.gaussianNoise(batch, images.getShape(), seed));
                NDArray logits = net.forward(store, new NDList(noisy), false).singletonOrThrow();
                return new EnergyVoting.Candidate(logits, logits.square().sum(new int[] {1}));
              };
          try (EnergyVoting.Vote vote = EnergyVoting.vote(batch, 5, batchIndex, run)) {
            assertThat(vote.prediction().getShape()).isEqualTo(new Shape(4, 10));
          }
        }
        if (batchIndex == 10) {
          afterTen = NativeArrays.open();
        }
      }
      assertThat(NativeArrays.open()).isEqualTo(afterTen);
    }
  }

  @Test
  void gaussianNoiseIsReproducibleFromItsSeedAlone() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = EnergyVoting.gaussianNoise(m, new Shape(2, 3, 4), 42L);
      m.getEngine().setRandomSeed(7); // the engine's generator plays no part
      NDArray b = EnergyVoting.gaussianNoise(m, new Shape(2, 3, 4), 42L);
      NDArray c = EnergyVoting.gaussianNoise(m, new Shape(2, 3, 4), 43L);
      assertThat(a.getShape()).isEqualTo(new Shape(2, 3, 4));
      assertThat(a.toFloatArray()).isEqualTo(b.toFloatArray());
      assertThat(a.toFloatArray()).isNotEqualTo(c.toFloatArray());
      java.util.Random reference = new java.util.Random(42L);
      reference.nextGaussian();
      assertThat(a.toFloatArray()[1]).isEqualTo((float) reference.nextGaussian());
    }
  }

  @Test
  void rejectsMismatchedEnergyShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDList predictions = new NDList(m.zeros(new Shape(2, 3)));
      NDList energies = new NDList(m.zeros(new Shape(3), DataType.FLOAT32));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> EnergyVoting.select(m, predictions, energies));
      assertThat(e).hasMessageThat().isEqualTo("energy 0 has shape (3), expected (2)");
    }
  }

  private static List<Float> filled(int n, float value) {
    List<Float> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(value);
    }
    return out;
  }
}
