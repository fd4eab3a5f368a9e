package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.akorn.examples.sudoku.Puzzle;
import org.junit.jupiter.api.Test;

class BoardScoreTest {
  private static final int[] SOLUTION = {1, 2, 3, 4, 3, 4, 1, 2, 2, 1, 4, 3, 4, 3, 2, 1};

  private static Puzzle puzzleWithBlanks(int... blanks) {
    int[] clues = SOLUTION.clone();
    for (int b : blanks) {
      clues[b] = 0;
    }
    return new Puzzle(4, clues, SOLUTION);
  }

  @Test
  void countsOnlyBlankCellsAndWholeBoards() {
    Puzzle a = puzzleWithBlanks(0, 5, 10);
    Puzzle b = puzzleWithBlanks(1, 2);
    int[] predicted = new int[32];
    System.arraycopy(SOLUTION, 0, predicted, 0, 16);
    System.arraycopy(SOLUTION, 0, predicted, 16, 16);
    predicted[3] = 1; // a clue cell of board a: not scored
    predicted[16 + 2] = 4; // a blank of board b: wrong

    BoardScore s = BoardScore.of(List.of(a, b), predicted);

    assertThat(s).isEqualTo(new BoardScore(2, 1, 5, 4));
    assertThat(s.boardAccuracy()).isEqualTo(0.5);
    assertThat(s.blankAccuracy()).isEqualTo(0.8);
  }

  @Test
  void addsUp() {
    assertThat(new BoardScore(2, 1, 5, 4).plus(new BoardScore(3, 3, 7, 7)))
        .isEqualTo(new BoardScore(5, 4, 12, 11));
    assertThat(BoardScore.EMPTY.boardAccuracy()).isNaN();
  }
}
