package org.akorn.runtime.data.objects;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.akorn.fuzz.ByteMutators;
import org.akorn.fuzz.FuzzTarget;
import org.akorn.runtime.io.BadFileException;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target of the PNG reader behind {@link ImageFolder}: a mutated PNG is read both as an
 * image and as a mask, or rejected in one line naming the file. Memory stays bounded whatever the
 * header declares (at most 2^22 pixels, and no more than the file's bytes can inflate to). The
 * corpus is {@code PngFuzzTestInputs/coverageGuided} (RGB, RGBA, grey, 16-bit grey and 2-bit
 * palette PNGs).
 */
class PngFuzzTest {
  static final Path CORPUS =
      Path.of("src/test/resources/org/akorn/runtime/data/objects/PngFuzzTestInputs/coverageGuided");

  static final FuzzTarget PNG = FuzzTarget.builder("png", PngFuzzTest::readAsImageAndMask)
      .rejection(BadFileException.class)
      .fileName("input.png")
      .corpus(CORPUS)
      .mutators(ByteMutators.all())
      .allocationLimit(64, 96L << 20)
      .build();

  static void readAsImageAndMask(Path file) throws Exception {
    ImageFolder.readImage(file, null);
    ImageFolder.readMask(file, null);
  }

  @Test
  void mutatedPngFilesAreReadOrRejectedInOneLine() {
    PNG.fuzz();
  }

  @FuzzTest(maxDuration = "10m")
  void coverageGuided(byte[] input) {
    PNG.check(input);
  }

  @Test
  void foldersFifosAndMissingFilesAreRejected() throws Exception {
    PNG.checkSpecialFiles();
  }
}
