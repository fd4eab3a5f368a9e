package org.akorn.runtime.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.akorn.fuzz.ByteMutators;
import org.akorn.fuzz.FuzzTarget;
import org.akorn.runtime.io.BadFileException;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets of the training data readers: IDX (plain and {@code .gz}), CIFAR-10 binary
 * batches and {@code .npz} data sets. A mutated file is read or rejected in one line naming the
 * file, with memory bounded by the file's real size whatever its header declares
 * (docs/reliability.md).
 */
class TrainingDataFuzzTest {
  private static final Path RESOURCES = Path.of("src/test/resources/org/akorn/runtime/data");

  static final FuzzTarget IDX = target("idx", "train-images-idx3-ubyte", "IdxFuzzTestInputs",
      IdxReader::read);
  static final FuzzTarget IDX_GZ = target("idx.gz", "train-images-idx3-ubyte.gz",
      "IdxGzFuzzTestInputs", IdxReader::read);
  static final FuzzTarget CIFAR = target("cifar10", "data_batch_1.bin",
      "Cifar10FuzzTestInputs", Cifar10Reader::read);
  /** The data set reader of {@code train.npz}; its corpus is a copy of the weights reader's. */
  static final FuzzTarget NPZ_DATA = FuzzTarget.builder("npz-data", NpzReader::read)
      .rejection(DataFormatException.class)
      .rejection(BadFileException.class)
      .fileName("train.npz")
      .corpus(RESOURCES.resolve("NpzDataFuzzTestInputs").resolve("coverageGuided"))
      .mutators(ByteMutators.all())
      .build();

  private static FuzzTarget target(String name, String fileName, String corpus,
      FuzzTarget.Reader reader) {
    return FuzzTarget.builder(name, reader)
        .rejection(DataFormatException.class)
        .rejection(BadFileException.class)
        .fileName(fileName)
        .corpus(RESOURCES.resolve(corpus).resolve("coverageGuided"))
        .mutators(ByteMutators.all())
        .build();
  }

  @Test
  void mutatedIdxFilesAreReadOrRejectedInOneLine() {
    IDX.fuzz();
  }

  @Test
  void mutatedGzippedIdxFilesAreReadOrRejectedInOneLine() {
    IDX_GZ.fuzz();
  }

  @Test
  void mutatedCifarBatchesAreReadOrRejectedInOneLine() {
    CIFAR.fuzz();
  }

  @Test
  void mutatedNpzDataSetsAreReadOrRejectedInOneLine() {
    NPZ_DATA.fuzz();
  }

  @Test
  void foldersFifosAndMissingFilesAreRejected() throws Exception {
    NPZ_DATA.checkSpecialFiles();
    IDX.checkSpecialFiles();
    IDX_GZ.checkSpecialFiles();
    CIFAR.checkSpecialFiles();
  }

  @FuzzTest(maxDuration = "10m")
  void coverageGuidedIdx(byte[] input) {
    IDX_GZ.check(input);
  }
}
