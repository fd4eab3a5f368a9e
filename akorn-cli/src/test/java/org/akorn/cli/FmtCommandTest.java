package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FmtCommandTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "models");
  private static final String MESSY = "model M{param ch:int=4;\n\n\n  input d:int[2,2] in 0..3;output y;}\n";
  private static final String CANONICAL = "model M {\n  param ch: int = 4;\n\n  input d: int[2, 2] in 0..3;\n  output y;\n}\n";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void rewritesOnlyFilesThatChange(@TempDir Path dir) throws IOException {
    Path messy = dir.resolve("messy.akorn");
    Path tidy = dir.resolve("tidy.akorn");
    Files.writeString(messy, MESSY);
    Files.writeString(tidy, CANONICAL);
    long tidyModified = Files.getLastModifiedTime(tidy).toMillis();

    int status = run("fmt", messy.toString(), tidy.toString());

    assertThat(status).isEqualTo(0);
    assertThat(Files.readString(messy)).isEqualTo(CANONICAL);
    assertThat(Files.getLastModifiedTime(tidy).toMillis()).isEqualTo(tidyModified);
    assertThat(out.toString().lines().toList()).containsExactly("formatted " + messy);
    assertThat(err.toString()).isEmpty();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("messy.akorn", "tidy.akorn").inOrder();
    }
  }

  @Test
  void checkListsFilesThatWouldChangeAndFails(@TempDir Path dir) throws IOException {
    Path messy = dir.resolve("messy.akorn");
    Files.writeString(messy, MESSY);

    int status = run("fmt", "--check", messy.toString());

    assertThat(status).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(out.toString().lines().toList()).containsExactly(messy.toString());
    assertThat(err.toString().lines().toList())
        .containsExactly("1 file would be reformatted; run akorn fmt on it");
    assertThat(Files.readString(messy)).isEqualTo(MESSY);
  }

  @Test
  void checkPassesOnEveryExampleAndGoldenModel() throws IOException {
    List<String> args = new ArrayList<>(List.of("fmt", "--check"));
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      files.filter(p -> p.toString().endsWith(".akorn")).sorted().forEach(p -> args.add(p.toString()));
    }

    int status = run(args.toArray(String[]::new));

    assertThat(args).hasSize(22);
    assertThat(status).isEqualTo(0);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void leavesAFileWithSyntaxErrorsAloneAndFails(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.akorn");
    Files.writeString(bad, "model M {\n  param ch: int = ;\n}\n");

    int status = run("fmt", bad.toString());

    assertThat(status).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            bad + ":2:19: error[E001]: mismatched input ';' expecting {'[', '-', '(', INT, FLOAT, STRING, ID}",
            "      param ch: int = ;",
            "                      ^",
            "1 file not formatted because of syntax errors")
        .inOrder();
    assertThat(Files.readString(bad)).isEqualTo("model M {\n  param ch: int = ;\n}\n");
  }

  @Test
  void aMissingFileIsOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("missing.akorn");

    int status = run("fmt", missing.toString());

    assertThat(status).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString()).isEqualTo("akorn: cannot read file '" + missing + "'\n");
  }
}
