package org.akorn.runtime.checkpoint;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint carries the model's source (main file, imports, overrides) when given one. */
class ModelSourceTest {
  @TempDir Path dir;

  @Test
  void sourceSurvivesTheRoundTripWithEveryCharacter() throws Exception {
    String main = "import \"common/b.akorn\";\nmodel M { param ch: int = 4; /* a=b: #!\\ */ }\n";
    String block = "block B {\n\treadout = readout(N = 2);\n}\n";
    ModelSource source = ModelSource.of("m.akorn",
        Map.of("m.akorn", main, "common/b.akorn", block), Map.of("ch", "8"));
    Path file = dir.resolve("model.ckpt");
    try (NDManager m = NDManager.newBaseManager()) {
      Linear linear = Linear.builder().setUnits(2).build();
      linear.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      Checkpoints.save(file, linear,
          CheckpointMetadata.of("M", Map.of("ch", "8"), 7).withSource(source));
    }
    CheckpointMetadata meta = Checkpoints.readMetadata(file);
    assertThat(meta.source()).isEqualTo(source);
    assertThat(meta.withStep(9).source()).isEqualTo(source);
    assertThat(meta.step()).isEqualTo(7);
    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("source.override.ch=8");
  }

  @Test
  void checkpointsWithoutSourceReadAsBefore() throws Exception {
    Path file = dir.resolve("plain.ckpt");
    try (NDManager m = NDManager.newBaseManager()) {
      Linear linear = Linear.builder().setUnits(2).build();
      linear.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      Checkpoints.save(file, linear, CheckpointMetadata.of("M", Map.of(), 0));
    }
    assertThat(Checkpoints.readMetadata(file).source()).isNull();
  }

  @Test
  void pathsStayInsideTheSourceFolder() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelSource.of("m.akorn", Map.of("m.akorn", "", "../x.akorn", ""), Map.of()));
    assertThat(e).hasMessageThat().isEqualTo(
        "source paths are relative and stay inside their folder, got '../x.akorn'");
    e = assertThrows(IllegalArgumentException.class,
        () -> ModelSource.of("n.akorn", Map.of("m.akorn", ""), Map.of()));
    assertThat(e).hasMessageThat().isEqualTo("the main file n.akorn is not among [m.akorn]");
  }
}
