package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.akorn.dsl.model.ModelSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoldenParameterCountTest {
  private static final Pattern COUNT = Pattern.compile("\"(?:trainable_parameter_count|parameters)\"\\s*:\\s*(\\d+)");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "klayer_attn_channelomega",
        "klayer_attn_gta",
        "klayer_conv_gn_globalomega",
        "klayer_conv_noproj_sandb",
        "readout_bn_eval",
        "sudoku_model",
        "objects_model",
        "classification_model",
        "sudoku_transformer",
        "sudoku_itrsa"
      })
  void trainableParametersMatchTheReference(String caseName) throws IOException {
    ModelSpec model = Examples.compileClean(Examples.GOLDEN.resolve(caseName + ".akorn"));

    assertThat(model.trainableParameters()).isEqualTo(referenceCount(caseName));
  }

  private static long referenceCount(String caseName) throws IOException {
    try (InputStream in = GoldenParameterCountTest.class.getResourceAsStream("/golden/" + caseName + ".json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = COUNT.matcher(json);
      assertThat(m.find()).isTrue();
      return Long.parseLong(m.group(1));
    }
  }
}
