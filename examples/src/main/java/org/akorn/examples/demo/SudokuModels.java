package org.akorn.examples.demo;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import org.akorn.examples.Sudoku;
import org.akorn.examples.Sudoku4;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;

/**
 * The one place that builds Sudoku models. Every tool of the demo (training, evaluation, figures,
 * tests) gets its model here: the classes the project's Maven plugin generates from {@code
 * examples/models/sudoku4.akorn} ({@link Sudoku4}) and {@code examples/models/sudoku.akorn}
 * ({@link Sudoku}, 9x9).
 */
public final class SudokuModels {
  private SudokuModels() {}

  /** The model name (checkpoint architecture) for a board size, as the {@code .akorn} files name it. */
  public static String modelName(int size) {
    return switch (size) {
      case 4 -> "Sudoku4";
      case 9 -> "Sudoku";
      default -> throw new IllegalArgumentException("board size must be 4 or 9, got " + size);
    };
  }

  /** The board size of a model name from {@link #modelName}. */
  public static int sizeOf(String modelName) {
    return switch (modelName) {
      case "Sudoku4" -> 4;
      case "Sudoku" -> 9;
      default -> throw new IllegalArgumentException(
          "not a Sudoku model: '" + modelName + "' (expected Sudoku4 or Sudoku)");
    };
  }

  /**
   * A freshly initialised model.
   *
   * @param size 4 or 9
   * @param hp the hyper-parameters
   * @param initSeed seed of the weight initialisation
   */
  public static AkornModel create(int size, SudokuHyperParameters hp, long initSeed) {
    // The generated classes initialise their weights from the engine's random generator.
    Engine.getInstance().setRandomSeed((int) initSeed);
    return switch (size) {
      case 4 -> Sudoku4.builder().ch(hp.ch()).n(hp.n()).heads(hp.heads()).T(hp.steps())
          .gamma(hp.gamma()).build();
      case 9 -> Sudoku.builder().ch(hp.ch()).n(hp.n()).heads(hp.heads()).T(hp.steps())
          .gamma(hp.gamma()).build();
      default -> throw new IllegalArgumentException("board size must be 4 or 9, got " + size);
    };
  }

  /** A model built from a checkpoint's metadata alone, with the checkpoint's weights loaded. */
  public static AkornModel fromCheckpoint(Path file) throws IOException {
    CheckpointMetadata meta = Checkpoints.readMetadata(file);
    return switch (sizeOf(meta.architecture())) {
      case 4 -> Sudoku4.fromCheckpoint(file);
      default -> Sudoku.fromCheckpoint(file);
    };
  }

  /** The board size a model works on (from its name). */
  public static int sizeOf(AkornModel model) {
    return sizeOf(model.modelName());
  }
}
