package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.akorn.runtime.nn.BatchNorm2d;
import org.junit.jupiter.api.Test;

class WeightEmaTest {

  @Test
  void constantDecayCopiesOnceThenAveragesEveryStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      BlockParameters.copyInto(weight, m.create(new float[][] {{7f, 7f}}));
      try (WeightEma ema = new WeightEma(block, 0.75f, m)) {
        BlockParameters.copyInto(weight, m.create(new float[][] {{1f, -2f}}));
        ema.update(); // update 0 copies: (1, -2)
        BlockParameters.copyInto(weight, m.create(new float[][] {{5f, 2f}}));
        ema.update(); // 1 + 0.25*(5-1) = 2 ; -2 + 0.25*(2+2) = -1
        BlockParameters.copyInto(weight, m.create(new float[][] {{2f, 3f}}));
        ema.update(); // 2 + 0.25*0 = 2 ; -1 + 0.25*4 = 0
        BlockParameters.copyInto(weight, m.create(new float[][] {{6f, 8f}}));
        ema.update(); // 2 + 0.25*4 = 3 ; 0 + 0.25*8 = 2
        assertThat(ema.averages().get("weight").toFloatArray())
            .usingExactEquality().containsExactly(3f, 2f).inOrder();
        assertThat(weight.toFloatArray()).usingExactEquality().containsExactly(6f, 8f).inOrder();
        assertThat(ema.step()).isEqualTo(4);
      }
    }
  }

  @Test
  void decaySequenceFollowsTheWarmUpFormula() {
    // ema_pytorch: decay of update s = clamp(1 - (1 + (s - after) / inv_gamma)^-power,
    // min_value, beta), 0 at s = after; computed here in double, independently of EmaSettings.
    EmaSettings classifier = EmaSettings.of(0.99, 200, 10);
    assertThat(classifier.decayAt(200)).isEqualTo(0.0);
    assertThat(classifier.decayAt(150)).isEqualTo(0.0);
    assertThat(classifier.decayAt(210)).isWithin(1e-7).of(1 - Math.pow(11, -2.0 / 3));
    assertThat(classifier.decayAt(210)).isWithin(1e-6).of(0.797820);
    assertThat(classifier.decayAt(300)).isWithin(1e-7).of(1 - Math.pow(101, -2.0 / 3));
    // 1 - (1 + e)^(-2/3) reaches 0.99 at e = 999; beyond, beta caps it (rounded to float32).
    assertThat(classifier.decayAt(1000)).isWithin(1e-7).of(1 - Math.pow(801, -2.0 / 3));
    assertThat(classifier.decayAt(1190)).isLessThan((double) 0.99f);
    assertThat(classifier.decayAt(1200)).isEqualTo((double) 0.99f);
    assertThat(classifier.decayAt(100_000)).isEqualTo((double) 0.99f);
    // inv_gamma 2, power 1: 1 - 1 / (1 + e / 2) = e / (e + 2); min_value 0.6 lifts small ones.
    EmaSettings simple = new EmaSettings(0.9, 5, 1, 2, 1, 0.6);
    assertThat(simple.decayAt(6)).isEqualTo((double) 0.6f); // 1/3, raised to 0.6
    assertThat(simple.decayAt(11)).isEqualTo(0.75); // 6/8
    assertThat(simple.decayAt(23)).isEqualTo((double) 0.9f); // 18/20 = 0.9
    assertThat(simple.decayAt(105)).isEqualTo((double) 0.9f); // 100/102, capped
  }

  @Test
  void updateAfterStepAndUpdateEveryDecideWhichUpdatesCopyAverageOrSkip() {
    // after 3, every 2, inv_gamma 1, power 1 (decay e / (1 + e)), beta 0.75:
    // update 0 copies, 2 copies (2 <= 3), 4 averages at 1/2, 6 at 3/4, 8 at min(5/6, 3/4);
    // the odd updates do nothing.
    float[][] live = {
        {1f, -2f}, {100f, 100f}, {4f, 0f}, {50f, 50f}, {8f, 4f}, {-9f, 9f}, {10f, 6f}, {0f, 0f},
        {3f, -1f}};
    float[][] expected = {
        {1f, -2f}, {1f, -2f}, {4f, 0f}, {4f, 0f}, {6f, 2f}, {6f, 2f}, {7f, 3f}, {7f, 3f},
        {6f, 2f}};
    double[] nextDecay = {0, 0, 0, 0, 0.5, 0, 0.75, 0, 0.75};
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      try (WeightEma ema = new WeightEma(block, new EmaSettings(0.75, 3, 2, 1, 1, 0), m)) {
        for (int s = 0; s < live.length; s++) {
          assertThat(ema.nextDecay()).isEqualTo(nextDecay[s]);
          BlockParameters.copyInto(weight, m.create(new float[][] {live[s]}));
          ema.update();
          assertThat(ema.averages().get("weight").toFloatArray())
              .usingExactEquality().containsExactly(expected[s][0], expected[s][1]).inOrder();
        }
        assertThat(ema.step()).isEqualTo(9);
      }
    }
  }

  @Test
  void warmUpWeightsAfterElevenUpdatesMatchTheFormula() {
    // every 1, after 2: updates 0..2 copy, then decays d_3..d_10 with e = s - 2; the weight at
    // update s is s (constant in both entries times (1, -1)), so the average is the recursion
    // a_s = d_s * a_(s-1) + (1 - d_s) * s, a_2 = 2, computed here in double.
    EmaSettings settings = EmaSettings.of(0.999, 2, 1);
    double average = 2;
    for (int s = 3; s <= 10; s++) {
      double d = 1 - Math.pow(1 + (s - 2), -2.0 / 3);
      average = d * average + (1 - d) * s;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      try (WeightEma ema = new WeightEma(block, settings, m)) {
        for (int s = 0; s <= 10; s++) {
          BlockParameters.copyInto(weight, m.create(new float[][] {{s, -s}}));
          ema.update();
        }
        float[] got = ema.averages().get("weight").toFloatArray();
        assertThat((double) got[0]).isWithin(1e-5).of(average);
        assertThat((double) got[1]).isWithin(1e-5).of(-average);
        assertThat(average).isWithin(1e-4).of(7.5526); // neither the last weight nor a copy
      }
    }
  }

  @Test
  void batchNormRunningStatisticsAreAveragedLikeWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      BatchNorm2d bn = new BatchNorm2d(1);
      bn.initialize(m, DataType.FLOAT32, new Shape(2, 1, 1, 2));
      NDArray mean = bn.getParameters().get("running_mean").getArray();
      NDArray scale = bn.getParameters().get("weight").getArray();
      try (WeightEma ema = new WeightEma(bn, 0.5, m)) {
        assertThat(ema.averages().keySet())
            .containsExactly("weight", "bias", "running_mean", "running_var").inOrder();
        BlockParameters.copyInto(mean, m.create(new float[] {4f}));
        ema.update(); // copies
        // A training-mode forward moves the running mean to 0.9 * 4 + 0.1 * 3 = 3.9.
        ParameterStore ps = new ParameterStore(m, false);
        bn.apply(ps, m.create(new float[] {1f, 2f, 3f, 6f}, new Shape(2, 1, 1, 2)), true);
        BlockParameters.copyInto(scale, m.create(new float[] {3f}));
        ema.update(); // (4 + 3.9) / 2, (1 + 3) / 2
        assertThat(ema.averages().get("running_mean").getFloat(0)).isWithin(1e-6f).of(3.95f);
        assertThat(ema.averages().get("weight").getFloat(0)).isEqualTo(2f);
        ema.withAverages(() -> {
          assertThat(mean.getFloat(0)).isWithin(1e-6f).of(3.95f);
          return null;
        });
        assertThat(mean.getFloat(0)).isWithin(1e-6f).of(3.9f);
      }
    }
  }

  @Test
  void betaOneFreezesTheAveragesAfterTheCopies() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      try (WeightEma ema = new WeightEma(block, EmaSettings.of(1, 1, 1), m)) {
        for (int s = 0; s < 5; s++) {
          BlockParameters.copyInto(weight, m.create(new float[][] {{s, 2 * s}}));
          ema.update();
        }
        assertThat(ema.averages().get("weight").toFloatArray())
            .usingExactEquality().containsExactly(1f, 2f).inOrder();
      }
    }
  }

  @Test
  void restoredStepContinuesTheSchedule() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      try (WeightEma ema = new WeightEma(block, new EmaSettings(0.75, 3, 2, 1, 1, 0), m)) {
        ema.restoreStep(6);
        assertThat(ema.nextDecay()).isEqualTo(0.75);
        ema.update();
        assertThat(ema.nextDecay()).isEqualTo(0.0);
        assertThat(ema.step()).isEqualTo(7);
      }
    }
  }

  @Test
  void settingsRejectValuesOutsideTheirRanges() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmaSettings.of(1.5, 0, 1));
    assertThat(e).hasMessageThat().isEqualTo("EMA beta must be in [0, 1], got 1.5");
    e = assertThrows(IllegalArgumentException.class, () -> EmaSettings.of(0.9, 0, 0));
    assertThat(e).hasMessageThat().isEqualTo("EMA update interval must be at least 1, got 0");
    e = assertThrows(IllegalArgumentException.class, () -> EmaSettings.of(0.9, -1, 1));
    assertThat(e).hasMessageThat()
        .isEqualTo("EMA update-after step must not be negative, got -1");
    assertThat(EmaSettings.of(0.99, 200, 10).describe()).isEqualTo("beta 0.99,"
        + " update_after_step 200, update_every 10, inv_gamma 1, power 0.666667, min_value 0");
  }

  @Test
  void swapInUsesAveragesAndCloseRestoresRawWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      BlockParameters.copyInto(weight, m.create(new float[][] {{0f, 4f}}));
      try (WeightEma ema = new WeightEma(block, 0.5f, m)) {
        ema.update(); // update 0 copies (0, 4)
        BlockParameters.copyInto(weight, m.create(new float[][] {{2f, 0f}}));
        ema.update(); // (1, 2)
        WeightEma.Swap swap = ema.swapIn();
        try {
          assertThat(ema.isSwappedIn()).isTrue();
          assertThat(weight.toFloatArray()).usingExactEquality().containsExactly(1f, 2f).inOrder();
          IllegalStateException e = assertThrows(IllegalStateException.class, ema::update);
          assertThat(e).hasMessageThat().isEqualTo("update while the EMA weights are swapped in");
        } finally {
          swap.close();
        }
        assertThat(ema.isSwappedIn()).isFalse();
        assertThat(weight.toFloatArray()).usingExactEquality().containsExactly(2f, 0f).inOrder();
        assertThat(ema.averages().get("weight").toFloatArray())
            .usingExactEquality().containsExactly(1f, 2f).inOrder();
        assertThat(weight.hasGradient()).isTrue();
        float[] swapped = ema.withAverages(weight::toFloatArray);
        assertThat(swapped).usingExactEquality().containsExactly(1f, 2f).inOrder();
        assertThat(weight.toFloatArray()).usingExactEquality().containsExactly(2f, 0f).inOrder();
      }
    }
  }

  @Test
  void loadRejectsWrongShapesWithoutChangingAnything() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      try (WeightEma ema = new WeightEma(block, 0.5f, m)) {
        float[] before = ema.averages().get("weight").toFloatArray();
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class,
                () -> ema.load(Map.of("weight", m.zeros(new Shape(3)))));
        assertThat(e).hasMessageThat()
            .isEqualTo("EMA values do not fit this model:\n  EMA entry weight: expected"
                + " float32(1, 2), found float32(3)");
        assertThat(ema.averages().get("weight").toFloatArray())
            .usingExactEquality().containsExactlyElementsIn(toObjects(before)).inOrder();
      }
    }
  }

  private static Float[] toObjects(float[] values) {
    Float[] out = new Float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
