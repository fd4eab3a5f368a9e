package org.akorn.examples.demo;

import ai.djl.ModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.akorn.examples.Sudoku;
import org.akorn.examples.Sudoku4;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.examples.sudoku.PuzzleGenerator;
import org.akorn.runtime.bench.ProcessMemory;
import org.akorn.runtime.checkpoint.Checkpoints;

/**
 * Serves a Sudoku checkpoint through DJL's Criteria API and one Predictor for many predictions,
 * recording the engine's open arrays and the resident memory: both stay flat when nothing leaks
 * (docs/performance.md).
 */
public final class PredictorSoak {
  private static final int POOL = 100;

  private PredictorSoak() {}

  /**
   * One soak's figures.
   *
   * @param openArraysBefore open engine arrays before the model was loaded
   * @param rssMbStart resident MiB after 10 % of the predictions (after a collection)
   * @param openArraysStart open engine arrays at the same point
   * @param openArraysAfterClose open engine arrays once the model and predictor are closed
   */
  public record Result(String model, int predictions, int batch, int votes, int openArraysBefore,
      double rssMbStart, double rssMbEnd, int openArraysStart, int openArraysEnd,
      int openArraysAfterClose, double seconds) {

    /** The JSON line. */
    public String toJson() {
      return String.format(Locale.ROOT, "{\"model\": \"%s\", \"predictions\": %d,"
          + " \"batch\": %d, \"votes\": %d, \"open_arrays_before\": %d,"
          + " \"rss_mb_start\": %.1f, \"rss_mb_end\": %.1f, \"open_arrays_start\": %d,"
          + " \"open_arrays_end\": %d, \"open_arrays_after_close\": %d, \"seconds\": %.1f}",
          model, predictions, batch, votes, openArraysBefore, rssMbStart, rssMbEnd,
          openArraysStart, openArraysEnd, openArraysAfterClose, seconds);
    }
  }

  /**
   * Runs {@code predictions} (at least 10) Predictor calls of {@code batch} boards each.
   *
   * @param steps Kuramoto steps at run time, or null for the model's
   * @param votes energy voting over this many noise states (1: none)
   * @param progress gets a line every tenth of the calls
   */
  public static Result run(Path checkpoint, int predictions, int batch, Integer steps, int votes,
      Consumer<String> progress) throws IOException, ModelException, TranslateException {
    if (predictions < 10) {
      throw new IllegalArgumentException("a soak needs at least 10 predictions, got "
          + predictions);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    String architecture = Checkpoints.readMetadata(checkpoint).architecture();
    int size = SudokuModels.sizeOf(architecture);
    List<int[][]> pool = boards(size);
    Criteria.Builder<int[][], int[][]> builder = Criteria.builder()
        .setTypes(int[][].class, int[][].class)
        .optArgument("checkpoint", checkpoint)
        .optArgument("modelClass", size == 4 ? Sudoku4.class.getName() : Sudoku.class.getName())
        .optArgument("votes", votes);
    if (steps != null) {
      builder.optArgument("steps", steps);
    }
    System.gc();
    int before = ProcessMemory.openArrays();
    int mark = predictions / 10;
    double rssStart = Double.NaN;
    int openStart = -1;
    double rssEnd;
    int openEnd;
    long t0 = System.nanoTime();
    try (ZooModel<int[][], int[][]> model = builder.build().loadModel();
        Predictor<int[][], int[][]> predictor = model.newPredictor()) {
      for (int i = 1; i <= predictions; i++) {
        int from = (i * batch) % POOL;
        if (batch == 1) {
          predictor.predict(pool.get(from));
        } else {
          List<int[][]> boards = new ArrayList<>(batch);
          for (int b = 0; b < batch; b++) {
            boards.add(pool.get((from + b) % POOL));
          }
          predictor.batchPredict(boards);
        }
        if (i == mark) {
          System.gc();
          rssStart = ProcessMemory.residentMegabytes();
          openStart = ProcessMemory.openArrays();
        }
        if (i % mark == 0) {
          progress.accept(String.format(Locale.ROOT,
              "%s: %d/%d predictions, rss %.1f MB, open arrays %d", architecture, i, predictions,
              ProcessMemory.residentMegabytes(), ProcessMemory.openArrays()));
        }
      }
      System.gc();
      rssEnd = ProcessMemory.residentMegabytes();
      openEnd = ProcessMemory.openArrays();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(architecture, predictions, batch, votes, before, rssStart, rssEnd, openStart,
        openEnd, ProcessMemory.openArrays(), seconds);
  }

  private static List<int[][]> boards(int size) {
    PuzzleGenerator generator =
        size == 4 ? new PuzzleGenerator(4, 4, 10, 5) : new PuzzleGenerator(9, 17, 40, 5);
    List<int[][]> out = new ArrayList<>(POOL);
    for (int i = 0; i < POOL; i++) {
      Puzzle p = generator.next();
      int[][] board = new int[size][size];
      for (int cell = 0; cell < size * size; cell++) {
        board[cell / size][cell % size] = p.clue(cell);
      }
      out.add(board);
    }
    return out;
  }
}
