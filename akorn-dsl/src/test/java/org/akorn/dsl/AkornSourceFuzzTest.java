package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.akorn.fuzz.ByteMutators;
import org.akorn.fuzz.FuzzTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz target of the front end on raw bytes (invalid UTF-8, NUL and control bytes included): a
 * mutated model file gives models or diagnostics that name the file and contain no raw control
 * characters; it never throws. {@link MutationRobustnessTest} mutates tokens instead.
 */
class AkornSourceFuzzTest {
  static final Path CORPUS =
      Path.of("src/test/resources/org/akorn/dsl/AkornSourceFuzzTestInputs/coverageGuided");

  /** The diagnostics a rejected file gets, rendered as {@code akorn check} prints them. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    Rejected(String report) {
      super(report);
    }
  }

  static final FuzzTarget SOURCE = FuzzTarget.builder("akorn", AkornSourceFuzzTest::check)
      .rejection(Rejected.class)
      .fileName("input.akorn")
      .corpus(CORPUS)
      .mutators(ByteMutators.all())
      // A compiler report: every diagnostic with its source line and caret.
      .messageLines(Integer.MAX_VALUE)
      .allocationLimit(20_000, 256L << 20)
      .build();

  static void check(Path file) throws Rejected {
    CompileResult result = AkornCompiler.check(CompileRequest.of(List.of(file)));
    if (result.hasErrors()) {
      throw new Rejected(result.render());
    }
  }

  @TempDir Path dir;

  @Test
  void mutatedSourcesGiveModelsOrDiagnostics() {
    SOURCE.fuzz();
  }

  @FuzzTest(maxDuration = "10m")
  void coverageGuided(byte[] input) {
    SOURCE.check(input);
  }

  @Test
  void foldersFifosAndMissingFilesAreDiagnosed() throws Exception {
    SOURCE.checkSpecialFiles();
  }

  @Test
  void nulAndEscapeBytesAreShownVisiblyWithTheCaretUnderTheirCharacter() throws IOException {
    Path file = dir.resolve("nul.akorn");
    Files.write(file, "model M {\n  x\0\u001b[2J = 1;\n}\n".getBytes(StandardCharsets.UTF_8));
    String report = AkornCompiler.check(CompileRequest.of(List.of(file))).render();
    assertThat(report).doesNotContain("\0");
    assertThat(report).doesNotContain("\u001b");
    assertThat(report).startsWith(file + ":2:4: error[E001]: unexpected character '\u2400'\n"
        + "      x\u2400\u241b[2J = 1;\n"
        + "       ^");
  }

  @Test
  void aFileThatIsNotUtf8OrIsAFolderIsNamedWithTheReason() throws IOException {
    Path latin1 = dir.resolve("latin1.akorn");
    Files.write(latin1, new byte[] {'m', (byte) 0xe9, '\n'});
    assertThat(AkornCompiler.check(CompileRequest.of(List.of(latin1))).render())
        .isEqualTo(latin1 + ":1:1: error[E002]: cannot read file '" + latin1
            + "': it is not UTF-8 text");
    Path folder = Files.createDirectory(dir.resolve("folder.akorn"));
    assertThat(AkornCompiler.check(CompileRequest.of(List.of(folder))).render())
        .isEqualTo(folder + ":1:1: error[E002]: cannot read file '" + folder
            + "': it is a directory");
  }
}
