package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightEmaTest {

  @Test
  void averagesExactlyAfterThreeUpdates() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      BlockParameters.copyInto(weight, m.create(new float[][] {{1f, -2f}}));
      try (WeightEma ema = new WeightEma(block, 0.75f, m)) {
        BlockParameters.copyInto(weight, m.create(new float[][] {{5f, 2f}}));
        ema.update(); // 1 + 0.25*(5-1) = 2 ; -2 + 0.25*(2+2) = -1
        BlockParameters.copyInto(weight, m.create(new float[][] {{2f, 3f}}));
        ema.update(); // 2 + 0.25*0 = 2 ; -1 + 0.25*4 = 0
        BlockParameters.copyInto(weight, m.create(new float[][] {{6f, 8f}}));
        ema.update(); // 2 + 0.25*4 = 3 ; 0 + 0.25*8 = 2
        assertThat(ema.averages().get("weight").toFloatArray())
            .usingExactEquality().containsExactly(3f, 2f).inOrder();
        assertThat(weight.toFloatArray()).usingExactEquality().containsExactly(6f, 8f).inOrder();
      }
    }
  }

  @Test
  void swapInUsesAveragesAndCloseRestoresRawWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block block = TinyModels.linear(m, 2, 1);
      NDArray weight = block.getParameters().get("weight").getArray();
      BlockParameters.copyInto(weight, m.create(new float[][] {{0f, 4f}}));
      try (WeightEma ema = new WeightEma(block, 0.5f, m)) {
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
                () -> ema.load(Map.of("weight", m.zeros(new ai.djl.ndarray.types.Shape(3)))));
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
