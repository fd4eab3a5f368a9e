package org.akorn.examples.sudoku;

/** Small helpers shared by the generator, solver and loader. */
final class Boards {
  private Boards() {}

  static void requireSupportedSize(int size) {
    if (size != 4 && size != 9) {
      throw new IllegalArgumentException("board size must be 4 or 9, got " + size);
    }
  }

  static int boxSize(int size) {
    return size == 4 ? 2 : 3;
  }

  static String toLine(int[] cells) {
    StringBuilder sb = new StringBuilder(cells.length);
    for (int v : cells) {
      sb.append((char) ('0' + v));
    }
    return sb.toString();
  }
}
