package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.eval.Classifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two threat models of a model that starts from noise: a fresh random state per forward
 * pass, or one known state, the same for every image whatever the batch and the call's seed.
 */
class FixedInitialStateTest {
  @TempDir Path dir;

  private AkornModel build(String body) throws Exception {
    Path file = dir.resolve("m.akorn");
    Files.writeString(file, "model Small {\n  input image: float[1, 6, 6];\n" + body
        + "  head logits = classifier(classes = 3);\n  output logits;\n}\n");
    return CompiledModel.fromFile(file, null, Map.of(), new PrintWriter(new StringWriter()))
        .build();
  }

  @Test
  void aFixedStateMakesTheModelDeterministicAndIndependentOfTheBatch() throws Exception {
    try (AkornModel model = build("""
          stem = conv(image, channels = 4, kernel = 3);
          init = noise;
          layer { n = 2; channels = 4; steps = 2; connectivity = conv(kernel = 3); }
          readout = readout(N = 2);
        """); NDManager m = NDManager.newBaseManager()) {
      assertThat(Classifier.startsFromNoise(model)).isTrue();
      NDArray a = m.randomUniform(0, 1, new Shape(1, 1, 6, 6));
      NDArray b = m.randomUniform(0, 1, new Shape(1, 1, 6, 6));
      NDArray ab = a.concat(b, 0);
      Classifier random = Classifier.of(model);
      assertThat(random.logits(a, 1).toFloatArray())
          .isNotEqualTo(random.logits(a, 2).toFloatArray());
      Classifier fixed = Classifier.withFixedInitialState(model, RunOptions.defaults(), 5);
      float[] alone = fixed.logits(a, 1).toFloatArray();
      float[] inPair = fixed.logits(ab, 9).toFloatArray();
      float[] second = fixed.logits(b, 3).toFloatArray();
      for (int k = 0; k < 3; k++) {
        assertThat(inPair[k]).isWithin(1e-5f).of(alone[k]);
        assertThat(inPair[3 + k]).isWithin(1e-5f).of(second[k]);
      }
      // Another seed is another known state.
      assertThat(Classifier.withFixedInitialState(model, RunOptions.defaults(), 6).logits(a, 1)
          .toFloatArray()).isNotEqualTo(alone);
    }
  }

  @Test
  void aModelWithoutOscillatorsHasNoStateToFix() throws Exception {
    try (AkornModel model = build("  stem = conv(image, channels = 4, kernel = 3);\n"
        + "  features = norm_relu_conv(kernel = 3, channels = 4, norm = batch);\n")) {
      assertThat(Classifier.startsFromNoise(model)).isFalse();
      assertThat(assertThrows(IllegalArgumentException.class,
          () -> Classifier.withFixedInitialState(model, RunOptions.defaults(), 0)).getMessage())
          .isEqualTo("Small does not start from noise, so it has no initial state to fix");
    }
  }
}
