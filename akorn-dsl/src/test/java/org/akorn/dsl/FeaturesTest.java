package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;
import static org.akorn.dsl.Diagnose.headlines;

import java.util.List;
import org.akorn.dsl.model.BlockNorm;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.junit.jupiter.api.Test;

/** {@code features = ...}: ordinary units on the stimulus, for networks without oscillators. */
class FeaturesTest {
  private static final String CNN = """
      model Cnn {
        param ch: int = 8;
        input image: float[1, 28, 28];
        stem = conv(image, channels = ch, kernel = 3);
        features = norm_relu_conv(kernel = 3, channels = 2 * ch, stride = 2, norm = batch)
                -> feedforward(hidden = 2 * ch, kernel = 3, norm = batch)
                -> norm_relu_conv(kernel = 3, channels = 4 * ch, stride = 2);
        head logits = classifier(classes = 10);
        output logits;
      }
      """;

  @Test
  void linksAPlainConvolutionalNetworkWithStridedUnits() {
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("cnn.akorn", CNN));
    assertThat(r.render()).isEmpty();
    ModelSpec m = r.models().get(0);
    List<Stage> stages = m.stages();
    assertThat(stages).hasSize(5);
    Stage.NormReluConv first = (Stage.NormReluConv) stages.get(1);
    assertThat(first.stride().value()).isEqualTo(2);
    assertThat(first.norm()).isEqualTo(BlockNorm.BATCH);
    assertThat(first.info().output()).isEqualTo(Shape.of(16, 14, 14));
    // 8 * 16 * 9 weights + 16 biases + BatchNorm(8) scale and shift
    assertThat(first.info().trainableParameters()).isEqualTo(8 * 16 * 9 + 16 + 16);
    assertThat(first.info().macs()).isEqualTo(8L * 16 * 9 * 14 * 14);
    assertThat(stages.get(2).info().output()).isEqualTo(Shape.of(16, 14, 14));
    assertThat(stages.get(3).info().output()).isEqualTo(Shape.of(32, 7, 7));
    assertThat(stages.get(4).info().input()).isEqualTo(Shape.of(32, 7, 7));
    assertThat(m.layers()).isEmpty();
  }

  @Test
  void featuresNeedAStemBeforeThem() {
    String src = """
        model M {
          input image: float[1, 4, 4];
          features = norm_relu_conv(kernel = 3);
          stem = conv(image, channels = 4, kernel = 3);
          output c = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:3:3: error[E212]: features transform the stimulus c; write a stem before them");
  }

  @Test
  void featuresTakeOnlyOrdinaryUnits() {
    String src = """
        model M {
          input image: float[1, 4, 4];
          stem = conv(image, channels = 4, kernel = 3);
          features = readout(N = 2);
          output c = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:4:14: error[E107]: unknown features step 'readout'; expected one of:"
            + " norm_relu_conv, feedforward, layer_norm, self_attention, gelu_mlp, sincos_position");
  }

  @Test
  void stridedUnitsNeedAGridAndAPositiveStride() {
    String src = """
        model M {
          input c: stimulus[4, 6];
          stem = identity(c);
          features = norm_relu_conv(kernel = 1, stride = 2) -> norm_relu_conv(stride = 0);
          output c_out = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:4:14: error[E214]: a strided norm_relu_conv needs a [C, H, W] grid, but c is [4, 6]");
    String zero = """
        model M {
          input image: float[1, 4, 4];
          stem = conv(image, channels = 4, kernel = 3);
          features = norm_relu_conv(stride = 0);
          output c = stimulus;
        }
        """;
    assertThat(headlines(zero)).hasSize(1);
    assertThat(headlines(zero).get(0)).startsWith("m.akorn:4:");
    assertThat(headlines(zero).get(0)).contains("error[E112]");
  }

}
