package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompileCommandTest {
  static final Path MODELS = Path.of("..", "examples", "models");

  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  final StringWriter out = new StringWriter();

  int akorn(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void writesOneClassPerModelAndNothingOnARerun() throws Exception {
    Path outDir = dir.resolve("gen");
    String sudoku = MODELS.resolve("sudoku.akorn").toString();
    assertThat(akorn("compile", sudoku, "-d", outDir.toString(), "-P", "T=32")).isEqualTo(0);
    Path file = outDir.resolve("org/akorn/examples/Sudoku.java");
    assertThat(Files.readString(file)).contains("private int T = 32;");
    assertThat(out.toString()).contains("1 class generated in " + outDir + " (1 written, 0 unchanged, 0 deleted)");
    assertThat(akorn("compile", sudoku, "-d", outDir.toString(), "-P", "T=32")).isEqualTo(0);
    assertThat(out.toString()).contains("(0 written, 1 unchanged, 0 deleted)");
  }

  @Test
  void errorsAreRenderedLikeCheckAndExitOne() throws Exception {
    Path bad = dir.resolve("bad.akorn");
    Files.writeString(bad, "package p;\nmodel class {\n}\n");
    Path outDir = dir.resolve("gen");
    assertThat(akorn("compile", bad.toString(), "-d", outDir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(bad + ":2:");
    assertThat(err.toString()).contains("error[");
    assertThat(Files.exists(outDir)).isFalse();
  }

  @Test
  void badOverrideSyntaxIsOneLine() {
    assertThat(akorn("compile", MODELS.resolve("sudoku.akorn").toString(), "-d", dir.toString(), "-P", "T")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("akorn: -P expects name=value, got 'T'");
  }

  @Test
  void createsAMissingOutputFolderAndRefusesAFileInOneLine() throws Exception {
    String sudoku = MODELS.resolve("sudoku.akorn").toString();
    Path nested = dir.resolve("a/b/gen");
    assertThat(akorn("compile", sudoku, "-d", nested.toString())).isEqualTo(0);
    assertThat(Files.isRegularFile(nested.resolve("org/akorn/examples/Sudoku.java"))).isTrue();
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertThat(akorn("compile", sudoku, "-d", file.toString())).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("akorn: -d: " + file + " is a file, not a folder\n");
  }
}
