package org.akorn.examples.sudoku;

/**
 * Counts the solutions of a board (up to a limit) by backtracking with bit masks and the
 * most-constrained-cell rule. Fast enough for tens of thousands of uniqueness checks.
 */
public final class Solver {
  private final int size;
  private final int box;
  private final int full;
  private final int[] rows;
  private final int[] cols;
  private final int[] boxes;
  private final int[] cells;
  private int[] firstSolution;
  private int found;
  private int limit;
  private long nodes;

  public Solver(int size) {
    Boards.requireSupportedSize(size);
    this.size = size;
    this.box = Boards.boxSize(size);
    this.full = (1 << size) - 1;
    this.rows = new int[size];
    this.cols = new int[size];
    this.boxes = new int[size];
    this.cells = new int[size * size];
  }

  /**
   * Number of solutions of {@code board} (0 = blank), counting at most {@code limit}. Returns 0 when
   * the givens already conflict.
   */
  public int countSolutions(int[] board, int limit) {
    if (!load(board)) {
      return 0;
    }
    this.limit = limit;
    this.found = 0;
    this.nodes = 0;
    this.firstSolution = null;
    search();
    return found;
  }

  /**
   * The search effort of the last {@link #countSolutions} (or {@link #hasUniqueSolution}, {@link
   * #solve}): the nodes of the backtracking tree it visited. A board the most-constrained-cell rule
   * fills without guessing costs one node per blank cell plus one; every wrong guess adds its
   * subtree. With {@link #hasUniqueSolution} it is the effort to find the solution and to prove
   * that there is no other, a measure of how hard a puzzle is.
   */
  public long lastSearchNodes() {
    return nodes;
  }

  /** True when the board has exactly one solution. */
  public boolean hasUniqueSolution(int[] board) {
    return countSolutions(board, 2) == 1;
  }

  /** The first solution found, or null when there is none. */
  public int[] solve(int[] board) {
    return countSolutions(board, 1) == 1 ? firstSolution.clone() : null;
  }

  private boolean load(int[] board) {
    if (board.length != size * size) {
      throw new IllegalArgumentException("expected " + size * size + " cells, got " + board.length);
    }
    java.util.Arrays.fill(rows, 0);
    java.util.Arrays.fill(cols, 0);
    java.util.Arrays.fill(boxes, 0);
    for (int i = 0; i < cells.length; i++) {
      int v = board[i];
      if (v < 0 || v > size) {
        throw new IllegalArgumentException("cell " + i + " holds " + v + ", expected 0.." + size);
      }
      cells[i] = v;
      if (v != 0) {
        int bit = 1 << (v - 1);
        int r = i / size;
        int c = i % size;
        int b = boxOf(r, c);
        if ((rows[r] & bit) != 0 || (cols[c] & bit) != 0 || (boxes[b] & bit) != 0) {
          return false;
        }
        rows[r] |= bit;
        cols[c] |= bit;
        boxes[b] |= bit;
      }
    }
    return true;
  }

  private int boxOf(int r, int c) {
    return (r / box) * box + c / box;
  }

  private void search() {
    nodes++;
    int best = -1;
    int bestFree = 0;
    int bestCount = Integer.MAX_VALUE;
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] != 0) {
        continue;
      }
      int r = i / size;
      int c = i % size;
      int free = full & ~(rows[r] | cols[c] | boxes[boxOf(r, c)]);
      int count = Integer.bitCount(free);
      if (count < bestCount) {
        best = i;
        bestFree = free;
        bestCount = count;
        if (count <= 1) {
          break;
        }
      }
    }
    if (best < 0) {
      found++;
      if (firstSolution == null) {
        firstSolution = cells.clone();
      }
      return;
    }
    int r = best / size;
    int c = best % size;
    int b = boxOf(r, c);
    int free = bestFree;
    while (free != 0 && found < limit) {
      int bit = free & -free;
      free &= free - 1;
      cells[best] = Integer.numberOfTrailingZeros(bit) + 1;
      rows[r] |= bit;
      cols[c] |= bit;
      boxes[b] |= bit;
      search();
      rows[r] &= ~bit;
      cols[c] &= ~bit;
      boxes[b] &= ~bit;
    }
    cells[best] = 0;
  }
}
