package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.ReferenceModels;
import org.akorn.runtime.RunOptions;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over long runs of a real AKOrN model (the Sudoku family: embedding,
 * GTA attention layer, read-out, per-cell head): training with Adam, clipping and EMA, and
 * inference over many batches.
 */
class AkornTrainingLeakTest {
  private static final int BATCH = 4;

  private static AkornNetwork smallSudoku(NDManager m) {
    AkornNetwork net =
        ReferenceModels.sudoku(Map.of("n", 4, "ch", 16, "heads", 4, "T", 2));
    net.initialize(m, DataType.FLOAT32, new Shape(BATCH, 9, 9));
    return net;
  }

  private static NDList batch(NDManager m) {
    NDArray digits = m.randomInteger(0, 10, new Shape(BATCH, 9, 9), DataType.INT32);
    NDArray mask = digits.gt(0).toType(DataType.FLOAT32, false);
    NDArray noise = m.randomNormal(new Shape(BATCH, 16, 9, 9));
    return new NDList(digits, mask, noise);
  }

  @Test
  void threeHundredTrainingStepsOfASudokuModelLeaveOpenArraysUnchanged() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net = smallSudoku(m);
      TrainingLoss meanSquare = (predictions, labels) -> predictions.get(0).square().mean();
      try (BlockTrainer trainer =
          BlockTrainer.builder(net, meanSquare).optClipNorm(1f).optEmaDecay(0.99).build(m)) {
        int afterTen = -1;
        for (int step = 1; step <= 300; step++) {
          try (NDManager b = m.newSubManager()) {
            float loss = trainer.step(batch(b), new NDList());
            assertThat(Float.isFinite(loss)).isTrue();
          }
          if (step == 10) {
            afterTen = NativeArrays.open();
          }
        }
        assertThat(NativeArrays.open()).isEqualTo(afterTen);
        assertThat(trainer.stepCount()).isEqualTo(300);
      }
    }
  }

  @Test
  void inferenceOverManyBatchesLeavesOpenArraysUnchanged() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net = smallSudoku(m);
      ParameterStore ps = new ParameterStore(m, false);
      int afterTen = -1;
      for (int i = 1; i <= 200; i++) {
        try (NDManager b = m.newSubManager()) {
          NDList in = batch(b);
          AkornResult r =
              net.run(
                  ps,
                  AkornInput.of(in.get(0)).withMask(in.get(1)).withNoise(in.get(2)),
                  RunOptions.defaults().withKeepStates(true).withSteps(3));
          assertThat(r.output("logits").getShape()).isEqualTo(new Shape(BATCH, 9, 9, 9));
          r.outputs().values().forEach(NDArray::close);
          r.layers().forEach(l -> {
            l.states().forEach(NDArray::close);
            l.energies().forEach(NDArray::close);
          });
        }
        if (i == 10) {
          afterTen = NativeArrays.open();
        }
      }
      assertThat(NativeArrays.open()).isEqualTo(afterTen);
    }
  }
}
