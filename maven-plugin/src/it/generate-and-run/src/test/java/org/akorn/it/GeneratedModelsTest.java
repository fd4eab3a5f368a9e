package org.akorn.it;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.akorn.runtime.RunOptions;
import org.akorn.examples.Sudoku4;
import org.akorn.golden.KlayerConvGnGlobalOmega;
import org.junit.jupiter.api.Test;

/** Runs the classes the plugin generated in this build, on akorn-runtime alone. */
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

  @Test
  void theProjectRunsOnTheInferenceCoreAlone() {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.akorn.runtime.train.TrainingLoop"));
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.akorn.runtime.checkpoint.TrainingCheckpoints"));
  }

  @Test
  void aCheckpointLoadsThroughDjlCriteriaAndPredictsLikeTheGeneratedClass() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "criteria"));
    Path file = dir.resolve("sudoku4.ckpt");
    int[] puzzle = {1, 0, 0, 4, 0, 4, 1, 0, 0, 1, 4, 0, 4, 0, 0, 1};
    float[] expected;
    try (Sudoku4 model = Sudoku4.builder().build(); NDManager m = NDManager.newBaseManager()) {
      model.saveCheckpoint(file);
      NDArray digits = m.create(puzzle, new Shape(1, 4, 4));
      expected = model.forward(new Sudoku4.Input(digits, digits.gt(0)),
          RunOptions.defaults().withSteps(3).withSeed(5)).logits().toFloatArray();
    }
    Criteria<NDList, float[]> criteria = Criteria.builder()
        .setTypes(NDList.class, float[].class)
        .optArgument("checkpoint", file)
        .optArgument("modelClass", Sudoku4.class.getName())
        .optArgument("steps", 3)
        .optArgument("seed", 5)
        .build();
    try (ZooModel<NDList, float[]> model = criteria.loadModel();
        Predictor<NDList, float[]> predictor = model.newPredictor();
        NDManager m = NDManager.newBaseManager()) {
      NDArray digits = m.create(puzzle, new Shape(4, 4));

      assertThat(predictor.predict(new NDList(digits, digits.gt(0)))).isEqualTo(expected);
    }
  }
}
