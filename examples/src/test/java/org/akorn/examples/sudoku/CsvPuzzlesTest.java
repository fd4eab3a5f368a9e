package org.akorn.examples.sudoku;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvPuzzlesTest {
  private static final String PUZZLE =
      "004300209005009001070060043006002087190007400050083000600000105003508690042910300";
  private static final String SOLUTION =
      "864371259325849761971265843436192587198657432257483916689734125713528694542916378";

  @TempDir Path dir;

  @Test
  void readsHeaderedCsvWithDotsForBlanks() throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, "quizzes,solutions\n" + PUZZLE.replace('0', '.') + "," + SOLUTION + "\n"
        + PUZZLE + "," + SOLUTION + ",extra\n");
    List<Puzzle> ps = CsvPuzzles.read(f, 0);
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0)).isEqualTo(ps.get(1));
    assertThat(ps.get(0).size()).isEqualTo(9);
    assertThat(ps.get(0).clue(2)).isEqualTo(4);
    assertThat(ps.get(0).clue(0)).isEqualTo(0);
    assertThat(ps.get(0).solutionAt(0)).isEqualTo(8);
    assertThat(new Solver(9).solve(ps.get(0).clues())).isEqualTo(ps.get(0).solution());
  }

  @Test
  void honoursLimit() throws Exception {
    Path f = dir.resolve("p.csv");
    Files.writeString(f, (PUZZLE + "," + SOLUTION + "\n").repeat(5));
    assertThat(CsvPuzzles.read(f, 3)).hasSize(3);
  }
}
