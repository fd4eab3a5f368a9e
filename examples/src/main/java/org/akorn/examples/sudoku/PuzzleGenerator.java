package org.akorn.examples.sudoku;

import java.util.Random;
import org.akorn.runtime.data.Permutations;

/**
 * Makes Sudoku puzzles with a unique solution and a clue count drawn uniformly from a chosen range.
 *
 * <p>A solution grid comes from the canonical pattern shuffled by the Sudoku symmetries (digit
 * relabelling, rows within bands, bands, columns within stacks, stacks, transposition); clues are
 * then removed in random order while the solution stays unique. Deterministic for a given seed.
 */
public final class PuzzleGenerator {
  private final int size;
  private final int box;
  private final int minClues;
  private final int maxClues;
  private final Random random;
  private final Solver solver;

  /**
   * @param size 4 or 9
   * @param minClues fewest clues a puzzle may have (4x4: at least 4; 9x9: at least 17)
   * @param maxClues most clues a puzzle may have (at most size * size)
   */
  public PuzzleGenerator(int size, int minClues, int maxClues, long seed) {
    Boards.requireSupportedSize(size);
    int minPossible = size == 4 ? 4 : 17;
    if (minClues < minPossible || maxClues > size * size || minClues > maxClues) {
      throw new IllegalArgumentException(
          "clue range must lie in " + minPossible + ".." + size * size + " with min <= max, got "
              + minClues + ".." + maxClues);
    }
    this.size = size;
    this.box = Boards.boxSize(size);
    this.minClues = minClues;
    this.maxClues = maxClues;
    this.random = new Random(seed);
    this.solver = new Solver(size);
  }

  /** The next puzzle. Retries (with fresh grids) until the drawn clue count is reached. */
  public Puzzle next() {
    int target = minClues + random.nextInt(maxClues - minClues + 1);
    while (true) {
      int[] solution = randomSolution();
      int[] clues = removeClues(solution, target);
      if (clues != null) {
        return new Puzzle(size, clues, solution);
      }
    }
  }

  int[] randomSolution() {
    int[] digits = Permutations.of(size, random);
    int[] rowOrder = bandedPermutation();
    int[] colOrder = bandedPermutation();
    boolean transpose = random.nextBoolean();
    int[] grid = new int[size * size];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int pr = rowOrder[r];
        int pc = colOrder[c];
        int pattern = (box * (pr % box) + pr / box + pc) % size;
        int cell = transpose ? c * size + r : r * size + c;
        grid[cell] = digits[pattern] + 1;
      }
    }
    return grid;
  }

  private int[] removeClues(int[] solution, int target) {
    int[] board = solution.clone();
    int[] order = Permutations.of(size * size, random);
    int remaining = board.length;
    for (int cell : order) {
      if (remaining == target) {
        return board;
      }
      int saved = board[cell];
      board[cell] = 0;
      if (solver.hasUniqueSolution(board)) {
        remaining--;
      } else {
        board[cell] = saved;
      }
    }
    return remaining == target ? board : null;
  }

  private int[] bandedPermutation() {
    int[] bands = Permutations.of(box, random);
    int[] order = new int[size];
    int k = 0;
    for (int band : bands) {
      int[] within = Permutations.of(box, random);
      for (int w : within) {
        order[k++] = band * box + w;
      }
    }
    return order;
  }
}
