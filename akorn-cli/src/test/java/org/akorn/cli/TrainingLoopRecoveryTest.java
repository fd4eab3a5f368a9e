package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.train.HeadLoss;
import org.akorn.runtime.train.TrainingLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop undoes a step with a non-finite loss by restoring its last snapshot. */
class TrainingLoopRecoveryTest {
  @TempDir Path dir;

  @Test
  void aNonFiniteStepRestoresTheSnapshotAndTrainingGoesOn() throws Exception {
    Path file = dir.resolve("m.akorn");
    Files.writeString(file, """
        model Small {
          input image: float[1, 4, 4];
          stem = conv(image, channels = 4, kernel = 3);
          init = noise;
          layer { n = 2; channels = 4; steps = 1; connectivity = conv(kernel = 3); }
          readout = readout(N = 2);
          head logits = classifier(classes = 2);
          output logits;
        }
        """);
    StringWriter log = new StringWriter();
    CompiledModel compiled = CompiledModel.fromFile(file, null, Map.of(), new PrintWriter(log));
    int[] batches = {0};
    TrainingLoop.BatchSource source = (manager, size) -> {
      batches[0]++;
      float value = batches[0] == 3 ? Float.NaN : 0.25f * (batches[0] % 4);
      NDArray x = manager.full(new Shape(size, 1, 4, 4), value);
      NDArray y = manager.zeros(new Shape(size), DataType.INT64);
      return new TrainingLoop.Batch(Map.of("image", x), y, size, null);
    };
    try (AkornModel model = compiled.build()) {
      TrainingLoop.Summary s = new TrainingLoop(
          new TrainingLoop.Config(2, 1e-3f, 1f, 0.9, 1, 0, 5, 0), new PrintWriter(log), false)
          .train(model, HeadLoss.forModel(model), source, null, dir.resolve("run"),
              compiled.source());
      assertThat(s.recoveries()).isEqualTo(1);
      assertThat(s.steps()).isEqualTo(5);
      // Two good steps, the bad third (undone: back to step 0), then five good steps.
      assertThat(batches[0]).isEqualTo(8);
      assertThat(s.losses()).hasLength(7);
      for (float loss : s.losses()) {
        assertThat(Float.isFinite(loss)).isTrue();
      }
      assertThat(log.toString()).contains("  step 3: loss NaN, gradient norm NaN; restored the"
          + " snapshot of step 0");
      for (var p : model.network().getParameters()) {
        for (float v : p.getValue().getArray().toFloatArray()) {
          assertThat(Float.isFinite(v)).isTrue();
        }
      }
    }
  }
}
