package org.akorn.runtime.data.objects;

import java.util.List;

/**
 * The 19 fixed tetrominoes: the seven pieces (I, O, T, S, Z, J, L) in each of their distinct
 * orientations (2 + 1 + 4 + 2 + 2 + 4 + 4).
 *
 * @param name the piece and orientation
 * @param cells four {row, column} cells, the smallest row and column 0
 */
public record Tetromino(String name, int[][] cells) {

  /** All 19 orientations. */
  public static final List<Tetromino> ALL =
      List.of(
          of("I horizontal", "XXXX"),
          of("I vertical", "X", "X", "X", "X"),
          of("O", "XX", "XX"),
          of("T up", "XXX", ".X."),
          of("T right", "X.", "XX", "X."),
          of("T down", ".X.", "XXX"),
          of("T left", ".X", "XX", ".X"),
          of("S horizontal", ".XX", "XX."),
          of("S vertical", "X.", "XX", ".X"),
          of("Z horizontal", "XX.", ".XX"),
          of("Z vertical", ".X", "XX", "X."),
          of("J up", ".X", ".X", "XX"),
          of("J right", "X..", "XXX"),
          of("J down", "XX", "X.", "X."),
          of("J left", "XXX", "..X"),
          of("L up", "X.", "X.", "XX"),
          of("L right", "XXX", "X.."),
          of("L down", "XX", ".X", ".X"),
          of("L left", "..X", "XXX"));

  /** Rows the piece spans, in cells. */
  public int rows() {
    int max = 0;
    for (int[] c : cells) {
      max = Math.max(max, c[0]);
    }
    return max + 1;
  }

  /** Columns the piece spans, in cells. */
  public int columns() {
    int max = 0;
    for (int[] c : cells) {
      max = Math.max(max, c[1]);
    }
    return max + 1;
  }

  private static Tetromino of(String name, String... rows) {
    int[][] cells = new int[4][];
    int n = 0;
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[r].length(); c++) {
        if (rows[r].charAt(c) == 'X') {
          cells[n++] = new int[] {r, c};
        }
      }
    }
    if (n != 4) {
      throw new IllegalStateException(name + " has " + n + " cells");
    }
    return new Tetromino(name, cells);
  }
}
