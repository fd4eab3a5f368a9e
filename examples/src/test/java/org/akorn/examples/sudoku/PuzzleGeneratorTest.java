package org.akorn.examples.sudoku;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PuzzleGeneratorTest {

  @Test
  void nineByNinePuzzlesHaveUniqueSolutionsAndCluesInRange() {
    PuzzleGenerator gen = new PuzzleGenerator(9, 26, 34, 7L);
    Solver solver = new Solver(9);
    for (int i = 0; i < 50; i++) {
      Puzzle p = gen.next();
      assertThat(p.clueCount()).isAtLeast(26);
      assertThat(p.clueCount()).isAtMost(34);
      assertThat(solver.countSolutions(p.clues(), 5)).isEqualTo(1);
      assertThat(solver.solve(p.clues())).isEqualTo(p.solution());
      assertValidGrid(p.solution(), 9);
    }
  }

  @Test
  void fourByFourPuzzlesHaveUniqueSolutions() {
    PuzzleGenerator gen = new PuzzleGenerator(4, 5, 8, 3L);
    Solver solver = new Solver(4);
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      Puzzle p = gen.next();
      assertThat(p.clueCount()).isIn(java.util.List.of(5, 6, 7, 8));
      assertThat(solver.countSolutions(p.clues(), 5)).isEqualTo(1);
      assertValidGrid(p.solution(), 4);
      distinct.add(p.toString());
    }
    assertThat(distinct.size()).isGreaterThan(400);
  }

  @Test
  void sameSeedSamePuzzles() {
    PuzzleGenerator a = new PuzzleGenerator(9, 30, 30, 11L);
    PuzzleGenerator b = new PuzzleGenerator(9, 30, 30, 11L);
    for (int i = 0; i < 5; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void rejectsImpossibleClueRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PuzzleGenerator(9, 10, 30, 1L));
    assertThat(e).hasMessageThat().isEqualTo("clue range must lie in 17..81 with min <= max, got 10..30");
  }

  @Test
  void solverCountsSolutionsOfAnEmptyFourByFourBoard() {
    assertThat(new Solver(4).countSolutions(new int[16], 1000)).isEqualTo(288);
  }

  @Test
  void solverReportsConflictingGivensAsUnsolvable() {
    int[] board = new int[81];
    board[0] = 5;
    board[1] = 5;
    assertThat(new Solver(9).countSolutions(board, 2)).isEqualTo(0);
  }

  static void assertValidGrid(int[] grid, int size) {
    int box = size == 4 ? 2 : 3;
    for (int i = 0; i < size; i++) {
      Set<Integer> row = new HashSet<>();
      Set<Integer> col = new HashSet<>();
      Set<Integer> bx = new HashSet<>();
      for (int j = 0; j < size; j++) {
        row.add(grid[i * size + j]);
        col.add(grid[j * size + i]);
        int r = (i / box) * box + j / box;
        int c = (i % box) * box + j % box;
        bx.add(grid[r * size + c]);
      }
      assertThat(row).hasSize(size);
      assertThat(col).hasSize(size);
      assertThat(bx).hasSize(size);
    }
  }
}
