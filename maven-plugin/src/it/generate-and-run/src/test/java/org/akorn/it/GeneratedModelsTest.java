package org.akorn.it;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.akorn.examples.Sudoku4;
import org.akorn.golden.KlayerConvGnGlobalOmega;
import org.junit.jupiter.api.Test;

/** Runs the classes the plugin generated in this build. */
class GeneratedModelsTest {
  @Test
  void sudoku4FromSrcMainAkornRunsWithTheConfiguredOverrides() {
    try (Sudoku4 model = Sudoku4.builder().build(); NDManager m = NDManager.newBaseManager()) {
      assertThat(model.hyperParameters()).containsAtLeast("ch", "16", "heads", "4", "T", "2");
      int[] puzzle = {1, 0, 0, 4, 0, 4, 1, 0, 0, 1, 4, 0, 4, 0, 0, 1};
      NDArray digits = m.create(puzzle, new Shape(1, 4, 4)).repeat(0, 2);
      NDArray given = digits.gt(0);

      Sudoku4.Output out = model.forward(new Sudoku4.Input(digits, given));

      assertThat(out.logits().getShape()).isEqualTo(new Shape(2, 4, 4, 4));
      assertThat(out.logits().getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(out.energies().getShape()).isEqualTo(new Shape(3, 2));
    }
  }

  @Test
  void klayerFromSrcTestAkornRuns() {
    try (KlayerConvGnGlobalOmega model = KlayerConvGnGlobalOmega.builder().build();
        NDManager m = NDManager.newBaseManager()) {
      NDArray c = m.randomNormal(new Shape(1, 16, 6, 6));

      KlayerConvGnGlobalOmega.Output out = model.forward(new KlayerConvGnGlobalOmega.Input(c));

      assertThat(out.xs().getShape()).isEqualTo(new Shape(3, 1, 16, 6, 6));
      assertThat(out.es().getShape()).isEqualTo(new Shape(4, 1));
    }
  }
}
