package org.akorn.runtime.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.fuzz.ByteMutators;
import org.akorn.fuzz.FuzzTarget;
import org.akorn.fuzz.Mutator;
import org.akorn.fuzz.NpyMutators;
import org.akorn.fuzz.ZipMutators;
import org.akorn.runtime.train.WeightEma;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target of checkpoint loading: mutated checkpoints (the archive itself, or one entry with
 * the checksums recomputed so the change reaches the entry's reader) are loaded into a small
 * model, or rejected naming the file. Seeds are written by {@link Checkpoints#save} at class
 * start, so they follow the current format (docs/reliability.md).
 */
class CheckpointFuzzTest {
  static final String ARCH = "fuzz-conv";
  static final Map<String, String> HP = Map.of("filters", "4");
  private static final NDManager MANAGER = NDManager.newBaseManager();
  private static final Block BLOCK = net();
  private static final WeightEma EMA = new WeightEma(BLOCK, 0.9f, MANAGER);

  static final FuzzTarget CHECKPOINT = FuzzTarget.builder("checkpoint", CheckpointFuzzTest::load)
      .rejection(InvalidCheckpointException.class)
      .fileName("input.akornckpt")
      .corpus(seeds())
      .mutators(mutators())
      // "does not fit this model" lists every problem, one a line: architecture, each
      // hyper-parameter, each of the 6 parameters and their 6 EMA entries.
      .messageLines(32)
      .allocationLimit(1100, 32L << 20)
      .build();

  static void load(Path file) throws InvalidCheckpointException {
    TrainingCheckpoints.load(file, BLOCK, ARCH, HP, EMA);
  }

  private static Block net() {
    SequentialBlock net = new SequentialBlock()
        .add(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build())
        .add(BatchNorm.builder().build());
    MANAGER.getEngine().setRandomSeed(3);
    net.initialize(MANAGER, DataType.FLOAT32, new Shape(1, 1, 5, 5));
    return net;
  }

  private static Path seeds() {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-corpus", "checkpoint"));
      Checkpoints.save(dir.resolve("plain.akornckpt"), BLOCK, CheckpointMetadata.of(ARCH, HP, 7));
      TrainingCheckpoints.save(dir.resolve("ema.akornckpt"), BLOCK,
          CheckpointMetadata.of(ARCH, HP, 9), new WeightEma(BLOCK, 0.9f, MANAGER));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Mutator> mutators() {
    List<Mutator> inner = new ArrayList<>(ByteMutators.all());
    List<Mutator> npy = new ArrayList<>(NpyMutators.all());
    npy.addAll(ByteMutators.all());
    inner.add(ZipMutators.entryContent(npy));
    inner.add(ZipMutators.entryContent(npy));
    List<Mutator> all = new ArrayList<>(ByteMutators.all());
    all.addAll(ZipMutators.structural());
    all.add(resigned(inner));
    all.add(resigned(inner));
    all.add(resigned(inner));
    return all;
  }

  /** Mutates one entry other than the checksums, then rewrites the archive with fresh sums. */
  static Mutator resigned(List<Mutator> inner) {
    return (in, r) -> {
      List<ZipMutators.Entry> entries = ZipMutators.readEntries(in);
      if (entries == null || entries.size() < 2) {
        return in.clone();
      }
      Map<String, byte[]> content = new LinkedHashMap<>();
      entries.subList(0, entries.size() - 1).forEach(e -> content.put(e.name(), e.data()));
      List<String> names = new ArrayList<>(content.keySet());
      String victim = names.get(r.nextInt(names.size()));
      content.put(victim, inner.get(r.nextInt(inner.size())).mutate(content.get(victim), r));
      try {
        return CheckpointArchive.encode(content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Test
  void mutatedCheckpointsAreLoadedOrRejectedNamingTheFile() {
    CHECKPOINT.fuzz();
  }

  @FuzzTest(maxDuration = "10m")
  void coverageGuided(byte[] input) {
    CHECKPOINT.check(input);
  }

  @Test
  void foldersFifosAndMissingFilesAreRejected() throws Exception {
    CHECKPOINT.checkSpecialFiles();
  }
}
