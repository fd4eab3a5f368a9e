package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.akorn.examples.sudoku.PuzzleGenerator;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.train.EnergyVoting;
import org.junit.jupiter.api.Test;

class StepsWrapperTest {
  @Test
  void runsTheChosenNumberOfStepsOnTheModelsOwnParameters() {
    SudokuHyperParameters hp = new SudokuHyperParameters(16, 4, 4, 4, 1f);
    PuzzleGenerator g = new PuzzleGenerator(4, 4, 10, 2);
    try (AkornModel model = SudokuModels.create(4, hp, 3);
        NDManager m = model.manager().newSubManager();
        SudokuBatch batch = SudokuBatch.of(m, List.of(g.next(), g.next()))) {
      StepsWrapper wrapper = new StepsWrapper(model.network(), 4);
      assertThat(wrapper.isInitialized()).isTrue();
      assertThat(wrapper.getParameters().size())
          .isEqualTo(model.network().getParameters().size());
      NDArray noise = EnergyVoting.gaussianNoise(m, new Shape(2, 16, 4, 4), 5);
      for (int steps : new int[] {3, 5}) {
        wrapper.setSteps(steps);
        float[] viaWrapper = wrapper.forward(new ParameterStore(m, false),
            new NDList(batch.digits(), batch.given(), noise), false).head().toFloatArray();
        float[] direct = model.forward(batch.inputs(), noise,
            RunOptions.defaults().withSteps(steps)).output("logits").toFloatArray();
        assertThat(viaWrapper).isEqualTo(direct);
      }
    }
  }
}
