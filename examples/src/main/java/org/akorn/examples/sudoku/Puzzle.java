package org.akorn.examples.sudoku;

import java.util.Arrays;

/**
 * A Sudoku puzzle and its solution on a {@code size x size} board ({@code size} = 4 or 9), cells in
 * row-major order; 0 marks a blank in {@link #clues()}.
 */
public record Puzzle(int size, int[] clues, int[] solution) {

  public Puzzle {
    Boards.requireSupportedSize(size);
    if (clues.length != size * size || solution.length != size * size) {
      throw new IllegalArgumentException(
          "expected " + size * size + " cells, got " + clues.length + " clues and "
              + solution.length + " solution cells");
    }
    clues = clues.clone();
    solution = solution.clone();
  }

  @Override
  public int[] clues() {
    return clues.clone();
  }

  @Override
  public int[] solution() {
    return solution.clone();
  }

  /** The digit given at a cell, 0 when blank. */
  public int clue(int cell) {
    return clues[cell];
  }

  public int solutionAt(int cell) {
    return solution[cell];
  }

  public int clueCount() {
    int count = 0;
    for (int v : clues) {
      if (v != 0) {
        count++;
      }
    }
    return count;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Puzzle p
        && p.size == size
        && Arrays.equals(p.clues, clues)
        && Arrays.equals(p.solution, solution);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * size + Arrays.hashCode(clues)) + Arrays.hashCode(solution);
  }

  @Override
  public String toString() {
    return Boards.toLine(clues) + "," + Boards.toLine(solution);
  }
}
