package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.examples.sudoku.PuzzleGenerator;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.train.CrossEntropy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SudokuModelsTest {
  @TempDir Path dir;

  private static List<Puzzle> puzzles(int count) {
    PuzzleGenerator g = new PuzzleGenerator(4, 4, 10, 11);
    List<Puzzle> out = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(g.next());
    }
    return out;
  }

  @Test
  void sudoku4HasTheDeclaredInterfaceAndShapes() {
    try (AkornModel model = SudokuModels.create(4, SudokuHyperParameters.paper(4), 1);
        NDManager m = model.manager().newSubManager();
        SudokuBatch batch = SudokuBatch.of(m, puzzles(3))) {
      assertThat(model.modelName()).isEqualTo("Sudoku4");
      assertThat(model.inputNames()).containsExactly("digits", "given").inOrder();
      assertThat(model.outputNames()).containsExactly("logits", "energies").inOrder();
      AkornResult r = model.forward(batch.inputs(), RunOptions.defaults().withSteps(5));
      assertThat(r.output("logits").getShape()).isEqualTo(new Shape(3, 4, 4, 4));
      assertThat(r.output("energies").getShape()).isEqualTo(new Shape(6, 3));
      assertThat(r.output("energies").get(0).toFloatArray()).isEqualTo(new float[] {0, 0, 0});
    }
  }

  @Test
  void checkpointCarriesEverythingNeededToRebuildTheModel() throws Exception {
    Path file = dir.resolve("m.ckpt");
    SudokuHyperParameters hp = new SudokuHyperParameters(16, 4, 4, 3, 1f);
    float[] before;
    try (AkornModel model = SudokuModels.create(4, hp, 5);
        NDManager m = model.manager().newSubManager();
        SudokuBatch batch = SudokuBatch.of(m, puzzles(2))) {
      before = model.forward(batch.inputs(), RunOptions.defaults().withSeed(9))
          .output("logits").toFloatArray();
      model.saveCheckpoint(file);
    }
    assertThat(Checkpoints.readMetadata(file).architecture()).isEqualTo("Sudoku4");
    try (AkornModel model = SudokuModels.fromCheckpoint(file);
        NDManager m = model.manager().newSubManager();
        SudokuBatch batch = SudokuBatch.of(m, puzzles(2))) {
      assertThat(model.hyperParameters()).isEqualTo(hp.asMap());
      float[] after = model.forward(batch.inputs(), RunOptions.defaults().withSeed(9))
          .output("logits").toFloatArray();
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void crossEntropyOfUniformLogitsIsLogOfTheClassCount() {
    try (NDManager m = NDManager.newBaseManager();
        SudokuBatch batch = SudokuBatch.of(m, puzzles(2))) {
      float loss = CrossEntropy.mean(m.zeros(new Shape(2, 4, 4, 4)), batch.labels())
          .getFloat();
      assertThat((double) loss).isWithin(1e-6).of(Math.log(4));
    }
  }

  @Test
  void unknownModelNamesAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SudokuModels.sizeOf("Objects"));
    assertThat(e).hasMessageThat()
        .isEqualTo("not a Sudoku model: 'Objects' (expected Sudoku4 or Sudoku)");
  }
}
