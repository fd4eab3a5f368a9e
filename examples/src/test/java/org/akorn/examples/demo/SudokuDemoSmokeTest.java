package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A few-step version of the whole demo: train, evaluate, report, figures; then eval alone. */
class SudokuDemoSmokeTest {
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

  private static final Pattern ROW = Pattern.compile(
      "\\| (trained T|extended T|energy voting \\((sum|last) energy\\)|C-voting \\(mean top-1 probability\\))"
          + " \\| (\\d+) \\| (\\d+) \\| "
          + "\\d+\\.\\d{2}% \\(\\d+/12\\) \\| \\d+\\.\\d{2}% \\| \\d+\\.\\d s \\|");

  /** The table rows without the time column, for comparing two evaluations. */
  private static List<String> rowsWithoutTimes(String report) {
    return report.lines()
        .filter(l -> ROW.matcher(l).matches())
        .map(l -> l.substring(0, l.lastIndexOf('|', l.length() - 2)))
        .collect(Collectors.toList());
  }

  @Test
  void runTrainsEvaluatesAndWritesTheReportAndFigures() throws Exception {
    Path run = dir.resolve("run");
    Result r = execute("sudoku", "run", "--train-steps", "3", "--batch", "8",
        "--test-puzzles", "12", "--validation-puzzles", "4", "--extended-steps", "10",
        "--votes", "2", "--eval-batch", "5", "--eval-every", "0", "--out", run.toString());

    assertThat(r.exit()).isEqualTo(0);
    try (var files = Files.list(run)) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
          .containsExactly("model.ckpt", "train-state.ckpt", "run.properties", "report.md",
              "energy.png", "dynamics-T8.png", "dynamics-T10.png");
    }
    String report = Files.readString(run.resolve("report.md"));
    assertThat(report).startsWith("## Sudoku4: 12 held-out 4x4 puzzles (generated, clues 4..10,"
        + " seed 1001)\n\nweights: EMA, step 3\n\n"
        + "| setting | T | K | board accuracy | blank-cell accuracy | time |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    List<String> rows = report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| setting"))
        .collect(Collectors.toList());
    assertThat(rows).hasSize(5);
    for (String row : rows) {
      assertThat(row).matches(ROW);
    }
    assertThat(rows.get(0)).startsWith("| trained T | 8 | 1 | ");
    assertThat(rows.get(1)).startsWith("| extended T | 10 | 1 | ");
    assertThat(rows.get(2)).startsWith("| energy voting (sum energy) | 10 | 2 | ");
    assertThat(rows.get(3)).startsWith("| energy voting (last energy) | 10 | 2 | ");
    assertThat(rows.get(4)).startsWith("| C-voting (mean top-1 probability) | 10 | 2 | ");
    assertThat(r.out()).contains(report);
    assertThat(r.out()).startsWith("Training Sudoku4 {ch=64, n=4, heads=8, T=8, gamma=1.0} on"
        + " generated 4x4 puzzles with 4..10 clues; held out: 12 test + 4 validation puzzles");
    assertThat(r.out()).contains("Trained 3 steps (24 puzzles) in ");
    assertThat(r.out()).containsMatch("Timings: training \\d+:\\d\\d \\(3 steps\\)");
    assertThat(r.err()).containsMatch("\\[#{24}\\] 100% step 3 .* loss \\d+\\.\\d{4} .* steps/s"
        + " .* puzzles/s");
    assertThat(ImageIO.read(run.resolve("energy.png").toFile()).getWidth()).isEqualTo(640);
    // 8 frames of a 4x4 board (4 * 28 px) with 14 px gaps; 10 steps also fit in one row.
    assertThat(ImageIO.read(run.resolve("dynamics-T8.png").toFile()).getWidth())
        .isEqualTo(8 * 112 + 9 * 14);
    assertThat(ImageIO.read(run.resolve("dynamics-T10.png").toFile()).getWidth())
        .isEqualTo(10 * 112 + 11 * 14);

    CheckpointMetadata meta = Checkpoints.readMetadata(run.resolve("model.ckpt"));
    assertThat(meta.architecture()).isEqualTo("Sudoku4");
    assertThat(meta.hyperParameters())
        .containsExactly("T", "8", "ch", "64", "gamma", "1.0", "heads", "8", "n", "4");

    // Evaluation needs nothing but the checkpoint: the run folder's record gives the puzzles.
    Path evalDir = dir.resolve("eval");
    Result e = execute("sudoku", "eval", "--checkpoint", run.resolve("model.ckpt").toString(),
        "--extended-steps", "10", "--votes", "2", "--eval-batch", "5", "--out",
        evalDir.toString());
    assertThat(e.exit()).isEqualTo(0);
    String again = Files.readString(evalDir.resolve("report.md"));
    assertThat(again).contains("## Sudoku4: 12 held-out 4x4 puzzles (generated, clues 4..10,"
        + " seed 1001)");
    assertThat(rowsWithoutTimes(again)).isEqualTo(rowsWithoutTimes(report));
    assertThat(rowsWithoutTimes(again)).hasSize(5);
  }

  @Test
  void evalOfAMissingCheckpointIsAUserError() {
    Result r = execute("sudoku", "eval", "--checkpoint", dir.resolve("nope.ckpt").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("akorn demo: error: ");
    assertThat(r.err()).contains("nope.ckpt");
  }

  @Test
  void badClueRangeIsAUserError() {
    Result r = execute("sudoku", "train", "--clues", "ten", "--train-steps", "1", "--out",
        dir.resolve("x").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("akorn demo: error: --clues expects MIN..MAX, got 'ten'\n");
  }
}
