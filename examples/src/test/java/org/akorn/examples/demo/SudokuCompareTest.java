package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.akorn.examples.sudoku.Puzzle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A few-step {@code demo sudoku compare}, the difficulty measure and the split's user errors. */
class SudokuCompareTest {
  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = DemoCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void comparesTheThreeModelsInAndOutOfDistribution() throws Exception {
    Path run = dir.resolve("cmp");
    Result r = execute("sudoku", "compare", "--train-steps", "2", "--batch", "8", "--test-puzzles", "6",
        "--validation-puzzles", "0", "--extended-steps", "4", "--votes", "2", "--out", run.toString());
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(r.exit()).isEqualTo(0);
    String report = Files.readString(run.resolve("report.md"));
    assertThat(r.out()).contains(report);
    List<String> rows = report.lines().filter(l -> l.matches("\\| (AKOrN|ItrSA\\+\\+|Transformer) \\|.*"))
        .map(l -> l.substring(0, l.indexOf(" %")).replaceAll("\\| [0-9.]+$", "|"))
        .toList();
    assertThat(rows).containsExactly(
        "| AKOrN | trained T | 8 | 1 |",
        "| AKOrN | extended T | 4 | 1 |",
        "| AKOrN | energy voting | 4 | 2 |",
        "| AKOrN | C-voting | 4 | 2 |",
        "| AKOrN | C-voting | 8 | 2 |",
        "| ItrSA++ | trained T | 8 | 1 |",
        "| ItrSA++ | extended T | 4 | 1 |",
        "| ItrSA++ | C-voting | 4 | 2 |",
        "| ItrSA++ | C-voting | 8 | 2 |",
        "| Transformer | trained T | 1 | 1 |").inOrder();
    // parameter counts as akorn summary gives them, within 25 % of AKOrN's
    assertThat(report).contains("| 47,429 |");
    assertThat(report).contains("| 51,716 |");
    assertThat(report).contains("| 48,800 |");
    assertThat(report).contains("| in-distribution | 6 |");
    assertThat(report).contains("| out-of-distribution | 6 |");
    assertThat(report).contains("out-of-distribution: generated puzzles with 4..5 clues (seed 3001)");
    assertThat(ImageIO.read(run.resolve("accuracy-vs-T.png").toFile()).getWidth()).isEqualTo(640);
    assertThat(Files.isRegularFile(run.resolve("sudoku4itrsa").resolve("model.ckpt"))).isTrue();
  }

  @Test
  void difficultyCountsCluesAndSolverNodes() {
    // one blank: the solver fills it (1 node) and finds the board full (1 node)
    int[] solution = {1, 2, 3, 4, 3, 4, 1, 2, 2, 1, 4, 3, 4, 3, 2, 1};
    int[] oneBlank = solution.clone();
    oneBlank[0] = 0;
    int[] fourBlanks = solution.clone();
    for (int i : new int[] {0, 5, 10, 15}) {
      fourBlanks[i] = 0;
    }
    SudokuCompare.Difficulty d = SudokuCompare.difficulty("x",
        List.of(new Puzzle(4, oneBlank, solution), new Puzzle(4, fourBlanks, solution)));
    assertThat(d.puzzles()).isEqualTo(2);
    assertThat(d.meanClues()).isEqualTo((15 + 12) / 2.0);
    assertThat(d.meanNodes()).isEqualTo((2 + 5) / 2.0);
    assertThat(d.maxNodes()).isEqualTo(5);
  }

  @Test
  void outOfDistributionPuzzlesHaveFewerCluesOrComeFromTheUsersFile() throws Exception {
    DataSettings id = new DataSettings(4, 6, 10, 1, 5, 0, null, null);
    SudokuCompare generated = new SudokuCompare(
        new SudokuCompare.Settings(id, new int[] {4, 5}, null, 1, 1, 1, 1, 0.99, new int[] {1}), null, false);
    List<Puzzle> ood = generated.ood(id.test());
    assertThat(ood).hasSize(5);
    for (Puzzle p : ood) {
      long clues = java.util.Arrays.stream(p.clues()).filter(c -> c != 0).count();
      assertThat(clues).isAtLeast(4);
      assertThat(clues).isAtMost(5);
    }
    Path csv = dir.resolve("ood.csv");
    Files.writeString(csv, "quizzes,solutions\n"
        + "1000000000000001,1234341221434321\n"
        + "0200000000000000,1234341221434321\n");
    SudokuCompare fromFile = new SudokuCompare(
        new SudokuCompare.Settings(id, new int[] {0, 0}, csv, 1, 1, 1, 1, 0.99, new int[] {1}), null, false);
    List<Puzzle> mine = fromFile.ood(List.of());
    assertThat(mine).hasSize(2);
    assertThat(mine.get(1).clues()[1]).isEqualTo(2);
    assertThat(mine.get(0).solution()[15]).isEqualTo(1);
  }

  @Test
  void outOfDistributionCluesMustLieBelowTheTrainingRange() {
    Result r = execute("sudoku", "compare", "--clues", "6..10", "--ood-clues", "5..6", "--out",
        dir.resolve("x").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("akorn demo: error: --ood-clues must lie strictly below the training range"
        + " 6..10\n");
    Result nine = execute("sudoku", "compare", "--size", "9", "--out", dir.resolve("y").toString());
    assertThat(nine.exit()).isEqualTo(1);
    assertThat(nine.err()).startsWith("akorn demo: error: demo sudoku compare has 4x4 models only");
  }
}
