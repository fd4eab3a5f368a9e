package org.akorn.examples.demo;

import java.util.List;
import org.akorn.examples.sudoku.Puzzle;

/**
 * Counts for board accuracy (every blank cell right) and blank-cell accuracy, as the reference
 * evaluation computes them (clue cells are not scored).
 */
public record BoardScore(int boards, int boardsCorrect, long blanks, long blanksCorrect) {

  public static final BoardScore EMPTY = new BoardScore(0, 0, 0, 0);

  /**
   * Scores predicted digits (1..S, row-major per board) against the puzzles' solutions.
   *
   * @param predicted {@code [B * S * S]} predicted digits
   */
  public static BoardScore of(List<Puzzle> puzzles, int[] predicted) {
    int boardsCorrect = 0;
    long blanks = 0;
    long blanksCorrect = 0;
    int offset = 0;
    for (Puzzle p : puzzles) {
      int[] clues = p.clues();
      int[] solution = p.solution();
      boolean all = true;
      for (int i = 0; i < clues.length; i++) {
        if (clues[i] == 0) {
          blanks++;
          if (predicted[offset + i] == solution[i]) {
            blanksCorrect++;
          } else {
            all = false;
          }
        }
      }
      if (all) {
        boardsCorrect++;
      }
      offset += clues.length;
    }
    return new BoardScore(puzzles.size(), boardsCorrect, blanks, blanksCorrect);
  }

  public BoardScore plus(BoardScore o) {
    return new BoardScore(
        boards + o.boards, boardsCorrect + o.boardsCorrect, blanks + o.blanks,
        blanksCorrect + o.blanksCorrect);
  }

  /** Fraction of boards solved completely (NaN with no boards). */
  public double boardAccuracy() {
    return boards == 0 ? Double.NaN : (double) boardsCorrect / boards;
  }

  /** Fraction of blank cells filled correctly (NaN with no blanks). */
  public double blankAccuracy() {
    return blanks == 0 ? Double.NaN : (double) blanksCorrect / blanks;
  }
}
