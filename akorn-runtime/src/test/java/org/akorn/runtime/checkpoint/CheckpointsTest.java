package org.akorn.runtime.checkpoint;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

  private static final String ARCH = "tiny-conv";
  private static final Map<String, String> HP = Map.of("filters", "4", "classes", "10");

  @TempDir Path dir;

  @Test
  void rejectsATruncatedFileAndLeavesTheModelUnchanged() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("t.akornckpt");
      Checkpoints.save(file, net(m, 4, 1), CheckpointMetadata.of(ARCH, HP, 3));
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
      Block target = net(m, 4, 2);
      List<float[]> before = snapshot(target);
      InvalidCheckpointException e =
          assertThrows(InvalidCheckpointException.class,
              () -> Checkpoints.load(file, target, ARCH, HP));
      assertThat(e).hasMessageThat().isEqualTo("checkpoint " + file + " is truncated or not a ZIP"
          + " archive: no end-of-central-directory record");
      assertUnchanged(target, before);
    }
  }

  @Test
  void rejectsAFlippedByteAndLeavesTheModelUnchanged() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("f.akornckpt");
      Checkpoints.save(file, net(m, 4, 1), CheckpointMetadata.of(ARCH, HP, 3));
      byte[] bytes = Files.readAllBytes(file);
      int at = indexOf(bytes, "weights.npz".getBytes(StandardCharsets.US_ASCII)) + 400;
      bytes[at] ^= 0x01;
      Files.write(file, bytes);
      Block target = net(m, 4, 2);
      List<float[]> before = snapshot(target);
      InvalidCheckpointException e =
          assertThrows(InvalidCheckpointException.class,
              () -> Checkpoints.load(file, target, ARCH, HP));
      assertThat(e).hasMessageThat()
          .isEqualTo("checkpoint " + file + " entry 'weights.npz' is damaged: CRC-32 mismatch");
      assertUnchanged(target, before);
    }
  }

  @Test
  void rejectsAFlippedByteInTheMetadata() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("meta.akornckpt");
      Checkpoints.save(file, net(m, 4, 1), CheckpointMetadata.of(ARCH, HP, 3));
      byte[] bytes = Files.readAllBytes(file);
      int at = indexOf(bytes, "architecture=".getBytes(StandardCharsets.US_ASCII)) + 13;
      bytes[at] ^= 0x20; // tiny-conv -> Tiny-conv
      Files.write(file, bytes);
      InvalidCheckpointException e =
          assertThrows(InvalidCheckpointException.class, () -> Checkpoints.readMetadata(file));
      assertThat(e).hasMessageThat()
          .isEqualTo("checkpoint " + file + " entry 'checkpoint.properties' is damaged:"
              + " CRC-32 mismatch");
    }
  }

  @Test
  void rejectsACheckpointOfAnotherArchitectureListingEveryProblem() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("a.akornckpt");
      Checkpoints.save(file, net(m, 4, 1), CheckpointMetadata.of(ARCH, HP, 3));
      Block wider = net(m, 8, 2);
      List<float[]> before = snapshot(wider);
      Map<String, String> widerHp = Map.of("filters", "8", "classes", "10", "norm", "batch");
      InvalidCheckpointException e =
          assertThrows(InvalidCheckpointException.class,
              () -> Checkpoints.load(file, wider, "wide-conv", widerHp));
      assertThat(e).hasMessageThat().isEqualTo("checkpoint " + file + " does not fit this model"
          + " (wide-conv); nothing was loaded:\n"
          + "  architecture: expected wide-conv, found tiny-conv\n"
          + "  hyper-parameter filters: expected 8, found 4\n"
          + "  hyper-parameter norm: expected batch, missing\n"
          + "  parameter 01Conv2d_weight: expected float32(8, 1, 3, 3), found float32(4, 1, 3, 3)\n"
          + "  parameter 01Conv2d_bias: expected float32(8), found float32(4)\n"
          + "  parameter 02BatchNorm_gamma: expected float32(8), found float32(4)\n"
          + "  parameter 02BatchNorm_beta: expected float32(8), found float32(4)\n"
          + "  parameter 02BatchNorm_runningMean: expected float32(8), found float32(4)\n"
          + "  parameter 02BatchNorm_runningVar: expected float32(8), found float32(4)\n"
          + "  parameter 05Linear_weight: expected float32(10, 512), found float32(10, 256)");
      assertUnchanged(wider, before);
    }
  }

  @Test
  void rejectsAnUnknownFormatVersion() throws IOException {
    Path file = dir.resolve("v2.akornckpt");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("checkpoint.properties",
        "format=akorn-checkpoint\nformat.version=2\n".getBytes(StandardCharsets.UTF_8));
    Files.write(file, CheckpointArchive.encode(entries));
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> Checkpoints.readMetadata(file));
    assertThat(e).hasMessageThat().isEqualTo(
        "checkpoint " + file + " has format version 2; this runtime reads version 1");
  }

  @Test
  void metadataKeepsHyperParametersWithSpecialCharacters() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("sub/dir/s.akornckpt");
      Map<String, String> hp = Map.of("key with space", " lead=x:y#z\\ é\n", "T", "16");
      Checkpoints.save(file, net(m, 4, 1), CheckpointMetadata.of("a:b", hp, 42));
      Checkpoints.save(file, net(m, 4, 1), CheckpointMetadata.of("a:b", hp, 43));
      assertThat(Checkpoints.readMetadata(file)).isEqualTo(CheckpointMetadata.of("a:b", hp, 43));
    }
  }

  @Test
  void rejectsAMissingFile() {
    Path file = dir.resolve("none.akornckpt");
    InvalidCheckpointException e =
        assertThrows(InvalidCheckpointException.class, () -> Checkpoints.readMetadata(file));
    assertThat(e).hasMessageThat().isEqualTo("checkpoint " + file + " does not exist");
  }

  /** Conv(filters) -> BatchNorm -> ReLU -> flatten -> Linear(10), for [B, 1, 8, 8]. */
  private static Block net(NDManager m, int filters, int seed) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).build())
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(10).build());
    m.getEngine().setRandomSeed(seed);
    net.initialize(m, DataType.FLOAT32, new Shape(2, 1, 8, 8));
    return net;
  }

  private static List<float[]> snapshot(Block block) {
    List<float[]> out = new ArrayList<>();
    block.getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
    return out;
  }

  private static void assertUnchanged(Block block, List<float[]> before) {
    assertEqualArrays(snapshot(block), before);
  }

  private static void assertEqualArrays(List<float[]> after, List<float[]> before) {
    assertThat(after).hasSize(before.size());
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).isEqualTo(before.get(i));
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
