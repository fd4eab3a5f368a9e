package org.akorn.examples.sudoku;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.akorn.fuzz.ByteMutators;
import org.akorn.fuzz.FuzzTarget;
import org.akorn.runtime.data.DataFormatException;
import org.akorn.runtime.io.BadFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz target of the Sudoku CSV reader: mutated puzzle files are read, or rejected in one line
 * naming the file and line (docs/reliability.md).
 */
class CsvPuzzlesFuzzTest {
  static final Path CORPUS = Path.of(
      "src/test/resources/org/akorn/examples/sudoku/CsvPuzzlesFuzzTestInputs/coverageGuided");

  static final FuzzTarget CSV = FuzzTarget.builder("csv", file -> CsvPuzzles.read(file, 0))
      .rejection(DataFormatException.class)
      .rejection(BadFileException.class)
      .fileName("input.csv")
      .corpus(CORPUS)
      .mutators(ByteMutators.all())
      .build();

  @TempDir Path dir;

  @Test
  void mutatedPuzzleFilesAreReadOrRejectedInOneLine() {
    CSV.fuzz();
  }

  @FuzzTest(maxDuration = "10m")
  void coverageGuided(byte[] input) {
    CSV.check(input);
  }

  @Test
  void foldersFifosAndMissingFilesAreRejected() throws Exception {
    CSV.checkSpecialFiles();
  }

  @Test
  void textThatIsNotUtf8AndControlBytesAreNamedVisibly() throws IOException {
    Path latin1 = Files.write(dir.resolve("latin1.csv"),
        "quizzes,solutions\n\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(assertThrows(DataFormatException.class, () -> CsvPuzzles.read(latin1, 0)))
        .hasMessageThat().isEqualTo(latin1 + ":2: not UTF-8 text");
    Path nul = Files.write(dir.resolve("nul.csv"), List.of("12\u00004341221434321,1234341221434321"));
    assertThat(assertThrows(DataFormatException.class, () -> CsvPuzzles.read(nul, 0)))
        .hasMessageThat().isEqualTo(nul + ":1: unexpected character '\u2400' at position 3");
    Path escape = Files.write(dir.resolve("esc.csv"), List.of("12\u001b4341221434321,1234341221434321"));
    assertThat(assertThrows(DataFormatException.class, () -> CsvPuzzles.read(escape, 0)))
        .hasMessageThat().isEqualTo(escape + ":1: unexpected character '\u241b' at position 3");
  }
}
