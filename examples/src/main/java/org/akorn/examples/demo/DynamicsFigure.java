package org.akorn.examples.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.akorn.examples.figures.BoardFrames;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.figures.ColourProjection;
import org.akorn.runtime.nn.KuramotoResult;

/**
 * The oscillators of one puzzle over the Kuramoto steps, as a row of board frames. Each cell's
 * state (C channels) is projected to RGB by the first three principal components of all cells of
 * all frames of the run (one fixed projection for the whole figure, so colours compare across
 * frames), each component scaled to [0, 1] by its range over the figure. Cells show the model's
 * final answer.
 */
public final class DynamicsFigure {
  private DynamicsFigure() {}

  /** At most this many frames, chosen evenly over the steps (the last one always). */
  static final int MAX_FRAMES = 12;

  /**
   * Runs {@code puzzle} for {@code steps} steps from the noise of {@code seed} and writes the
   * figure.
   */
  public static void write(AkornModel model, Puzzle puzzle, int steps, long seed, Path file)
      throws IOException {
    int size = puzzle.size();
    try (NDManager m = model.manager().newSubManager();
        SudokuBatch batch = SudokuBatch.of(m, List.of(puzzle))) {
      AkornResult r = model.forward(batch.inputs(),
          RunOptions.defaults().withSteps(steps).withKeepStates(true).withSeed(seed));
      KuramotoResult layer = r.layers().get(0);
      int[] frames = frameSteps(layer.states().size());
      float[][][] states = new float[frames.length][][]; // [frame][cell][channel]
      for (int f = 0; f < frames.length; f++) {
        states[f] = cellsByChannel(layer.states().get(frames[f] - 1));
      }
      float[][][] rgb = ColourProjection.toRgb(states);
      String[] labels = new String[frames.length];
      for (int f = 0; f < frames.length; f++) {
        labels[f] = "t=" + frames[f];
      }
      int[] answer = SudokuEvaluator.digits(r.output("logits"));
      BoardFrames.writePng(rgb, size, answer, labels, file);
    }
  }

  /** The steps (1-based) shown for a run of {@code total} steps. */
  static int[] frameSteps(int total) {
    int count = Math.min(total, MAX_FRAMES);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = (int) Math.round((double) (i + 1) * total / count);
    }
    return out;
  }

  /** A state {@code [1, C, S, S]} as {@code [cell][channel]}. */
  private static float[][] cellsByChannel(NDArray state) {
    long channels = state.getShape().get(1);
    int cells = (int) (state.getShape().size() / channels);
    float[] flat = state.toFloatArray();
    float[][] out = new float[cells][(int) channels];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < cells; i++) {
        out[i][c] = flat[c * cells + i];
      }
    }
    return out;
  }
}
