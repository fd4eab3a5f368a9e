package org.akorn.examples.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.akorn.examples.sudoku.Puzzle;

/**
 * Puzzles as model inputs: {@code digits [B, S, S]} int32 (0 = blank), {@code given [B, S, S]}
 * boolean (true on clue cells) and {@code labels [B, S, S]} int64 (solution digit - 1, the class
 * index of the cell classifier). Closing the batch frees the arrays.
 */
public record SudokuBatch(NDArray digits, NDArray given, NDArray labels) implements AutoCloseable {

  /** Converts puzzles of one size; all arrays are attached to {@code manager}. */
  public static SudokuBatch of(NDManager manager, List<Puzzle> puzzles) {
    if (puzzles.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one puzzle");
    }
    int size = puzzles.get(0).size();
    int cells = size * size;
    int[] digits = new int[puzzles.size() * cells];
    boolean[] given = new boolean[digits.length];
    long[] labels = new long[digits.length];
    for (int b = 0; b < puzzles.size(); b++) {
      Puzzle p = puzzles.get(b);
      if (p.size() != size) {
        throw new IllegalArgumentException("puzzles of sizes " + size + " and " + p.size());
      }
      int[] clues = p.clues();
      int[] solution = p.solution();
      for (int i = 0; i < cells; i++) {
        digits[b * cells + i] = clues[i];
        given[b * cells + i] = clues[i] != 0;
        labels[b * cells + i] = solution[i] - 1;
      }
    }
    Shape shape = new Shape(puzzles.size(), size, size);
    return new SudokuBatch(
        manager.create(digits, shape),
        manager.create(given, shape),
        manager.create(labels, shape));
  }

  /** The model inputs by name. */
  public Map<String, NDArray> inputs() {
    return Map.of("digits", digits, "given", given);
  }

  @Override
  public void close() {
    digits.close();
    given.close();
    labels.close();
  }
}
