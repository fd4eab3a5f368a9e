package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class BlockParametersTest {

  @Test
  void listsASharedParameterOnceUnderItsFirstName() {
    try (NDManager m = NDManager.newBaseManager()) {
      Linear shared = Linear.builder().setUnits(2).optBias(false).build();
      SequentialBlock twice = new SequentialBlock().add(shared).add(shared);
      twice.initialize(m, DataType.FLOAT32, new Shape(1, 2));
      assertThat(twice.getParameters().keys())
          .containsExactly("01Linear_weight", "02Linear_weight").inOrder();
      assertThat(BlockParameters.all(twice).keySet()).containsExactly("01Linear_weight");
    }
  }

  @Test
  void copyIntoIsBitExactAndKeepsTheGradientFlag() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block linear = TinyModels.linear(m, 3, 1);
      NDArray weight = linear.getParameters().get("weight").getArray();
      float[] values = {Float.MIN_VALUE, -0f, 1.0000001f};
      BlockParameters.copyInto(weight, m.create(new float[][] {values}));
      assertThat(weight.toFloatArray()).isEqualTo(values);
      assertThat(weight.hasGradient()).isTrue();
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class,
              () -> BlockParameters.copyInto(weight, m.zeros(new Shape(3))));
      assertThat(e).hasMessageThat().isEqualTo("cannot copy float32(3) into float32(1, 3)");
    }
  }

  @Test
  void zeroGradientClearsNonFiniteGradients() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block linear = TinyModels.linear(m, 2, 1);
      NDArray weight = linear.getParameters().get("weight").getArray();
      BlockParameters.copyInto(weight, m.create(new float[][] {{Float.NaN, 1f}}));
      try (GradientCollector gc = m.getEngine().newGradientCollector()) {
        NDArray y = linear.forward(new ParameterStore(m, false),
            new NDList(m.create(new float[][] {{Float.POSITIVE_INFINITY, 2f}})), true).head();
        gc.backward(y.mul(y).sum());
      }
      assertThat(Float.isNaN(weight.getGradient().toFloatArray()[0])).isTrue();
      BlockParameters.zeroGradient(weight);
      assertThat(weight.getGradient().toFloatArray()).usingExactEquality()
          .containsExactly(0f, 0f).inOrder();
    }
  }
}
