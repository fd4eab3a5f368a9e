package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument handling of {@code akorn bench}; no timings are run or asserted here. */
class BenchCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void unknownModelIsOneLineAndExitOne() {
    assertThat(run("bench", "--model", "mnist")).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString())
        .isEqualTo(
            "akorn: unknown model 'mnist'; expected one of sudoku, objects, classification,"
                + " classification24, all"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void nonPositiveRepsOrThreadsAreRejected() {
    assertThat(run("bench", "--reps", "0")).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("akorn: --reps must be at least 1, got 0");
    assertThat(run("bench", "--threads", "0")).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("akorn: --threads must be at least 1, got 0");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void nonPositiveBatchOrShortSoakAreRejected() {
    assertThat(run("bench", "--batch", "0")).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("akorn: --batch must be at least 1, got 0");
    assertThat(run("bench", "--soak", "5")).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString()).contains("akorn: --soak must be at least 10 steps, got 5");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void profileMustBeAFolderAndNotASoak(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("f.txt"), "x");
    assertThat(run("bench", "--profile", file.toString())).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString())
        .isEqualTo("akorn: --profile " + file + ": not a folder" + System.lineSeparator());
    assertThat(run("bench", "--profile", dir.toString(), "--soak", "20"))
        .isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString())
        .contains("akorn: --profile times passes; it cannot be combined with --soak");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void notANumberIsAUsageError() {
    assertThat(run("bench", "--threads", "two")).isNotEqualTo(0);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void isListedInTheHelp() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("bench");
  }
}
