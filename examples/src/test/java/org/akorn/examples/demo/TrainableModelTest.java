package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.akorn.examples.sudoku.PuzzleGenerator;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.train.TrainableModel;
import org.junit.jupiter.api.Test;

/** The runtime's trainable view of a model, on a Sudoku model. */
class TrainableModelTest {
  @Test
  void runsTheChosenNumberOfStepsOnTheModelsOwnParameters() {
    SudokuHyperParameters hp = new SudokuHyperParameters(16, 4, 4, 4, 1f);
    PuzzleGenerator g = new PuzzleGenerator(4, 4, 10, 2);
    try (AkornModel model = SudokuModels.create(4, hp, 3);
        NDManager m = model.manager().newSubManager();
        SudokuBatch batch = SudokuBatch.of(m, List.of(g.next(), g.next()))) {
      TrainableModel wrapper = new TrainableModel(model);
      assertThat(wrapper.isInitialized()).isTrue();
      assertThat(wrapper.getParameters().size())
          .isEqualTo(model.network().getParameters().size());
      for (int steps : new int[] {3, 5}) {
        wrapper.setSteps(steps);
        wrapper.setSeed(5);
        float[] viaWrapper = wrapper.forward(new ParameterStore(m, false),
            new NDList(batch.digits(), batch.given()), false).head().toFloatArray();
        float[] direct = model.forward(batch.inputs(),
            RunOptions.defaults().withSteps(steps).withSeed(5)).output("logits").toFloatArray();
        assertThat(viaWrapper).isEqualTo(direct);
      }
    }
  }
}
