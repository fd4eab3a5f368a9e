package org.akorn.runtime.io;

import ai.djl.ndarray.NDManager;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.akorn.fuzz.ByteMutators;
import org.akorn.fuzz.FuzzTarget;
import org.akorn.fuzz.Mutator;
import org.akorn.fuzz.NpyMutators;
import org.akorn.fuzz.ZipMutators;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target of the {@code .npz}/{@code .npy} reader behind weights, inputs, initial states and
 * checkpoint entries: mutated NumPy files are read, or rejected in one line naming the file.
 * The corpus is {@code NpzFuzzTestInputs/coverageGuided} (docs/reliability.md).
 */
class NpzFuzzTest {
  static final Path CORPUS =
      Path.of("src/test/resources/org/akorn/runtime/io/NpzFuzzTestInputs/coverageGuided");

  static final FuzzTarget NPZ = FuzzTarget.builder("npz", NpzFuzzTest::readLikeTheRuntime)
      .rejection(BadFileException.class)
      .fileName("input.npz")
      .corpus(CORPUS)
      .mutators(mutators())
      .allocationLimit(1100, 16L << 20)
      .build();

  /** Reads like weights are read: validate, reject non-finite values, copy into DJL arrays. */
  static void readLikeTheRuntime(Path file) throws BadFileException {
    List<NpyArray> arrays = NpzFiles.read(file);
    NpzFiles.requireFinite(arrays, file.toString(), "tensor");
    try (NDManager manager = NDManager.newBaseManager()) {
      NpzFiles.toNDList(manager, arrays);
    }
  }

  static List<Mutator> mutators() {
    List<Mutator> all = new ArrayList<>(ByteMutators.all());
    all.addAll(ZipMutators.structural());
    all.addAll(NpyMutators.all());
    List<Mutator> inner = new ArrayList<>(NpyMutators.all());
    inner.addAll(ByteMutators.all());
    all.add(ZipMutators.entryContent(inner));
    all.add(ZipMutators.entryContent(inner));
    return all;
  }

  @Test
  void mutatedNumpyFilesAreReadOrRejectedInOneLine() {
    NPZ.fuzz();
  }

  @FuzzTest(maxDuration = "10m")
  void coverageGuided(byte[] input) {
    NPZ.check(input);
  }

  @Test
  void foldersFifosAndMissingFilesAreRejected() throws Exception {
    NPZ.checkSpecialFiles();
  }
}
