package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.nn.BatchNorm2d;
import org.junit.jupiter.api.Test;

class BatchNormEstimationTest {

  @Test
  void statisticsBecomeTheMeanOfTheBatchValues() {
    float[][] batches = {{1f, 2f, 3f, 6f}, {0f, 0f, 4f, 4f}};
    try (NDManager m = NDManager.newBaseManager()) {
      BatchNorm2d bn = new BatchNorm2d(1);
      SequentialBlock block = new SequentialBlock().add(bn);
      block.initialize(m, DataType.FLOAT32, new Shape(2, 1, 1, 2));
      BlockParameters.copyInto(bn.runningMean(), m.create(new float[] {100f}));
      BlockParameters.copyInto(bn.runningVar(), m.create(new float[] {100f}));
      int[] pass = {0};
      int layers = BatchNormEstimation.reestimate(block, 2, mm -> new NDList(
          mm.create(batches[pass[0]++], new Shape(2, 1, 1, 2))), m);
      assertThat(layers).isEqualTo(1);
      // batch means 3 and 2; unbiased variances 14/3 and 16/3: the old values are gone
      assertThat(bn.runningMean().getFloat(0)).isWithin(1e-6f).of(2.5f);
      assertThat(bn.runningVar().getFloat(0)).isWithin(1e-5f).of(5f);
      // afterwards a training pass moves the statistics by 0.1 again
      bn.apply(new ParameterStore(m, false),
          m.create(new float[] {1f, 2f, 3f, 6f}, new Shape(2, 1, 1, 2)), true);
      assertThat(bn.runningMean().getFloat(0)).isWithin(1e-6f).of(0.9f * 2.5f + 0.3f);
      assertThat(BatchNormEstimation.layers(block)).containsExactly(bn);
    }
  }

  @Test
  void blocksWithoutBatchNormRunNothing() {
    try (NDManager m = NDManager.newBaseManager()) {
      int[] calls = {0};
      int layers = BatchNormEstimation.reestimate(TinyModels.linear(m, 2, 1), 3, mm -> {
        calls[0]++;
        return new NDList(mm.ones(new Shape(1, 2)));
      }, m);
      assertThat(layers).isEqualTo(0);
      assertThat(calls[0]).isEqualTo(0);
    }
  }
}
