package org.akorn.dsl.assist;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionsTest {
  /** The labels offered where "|" stands (the bar is removed from the text). */
  private static List<String> labels(String textWithCursor) {
    int at = textWithCursor.indexOf('|');
    String text = textWithCursor.substring(0, at) + textWithCursor.substring(at + 1);
    String head = text.substring(0, at);
    int line = (int) head.chars().filter(c -> c == '\n').count() + 1;
    int column = at - head.lastIndexOf('\n');
    return Completions.at(text, line, column, List.of("Readout")).stream().map(Completions.Item::label).toList();
  }

  private static final String HEAD = "model M {\n  param ch: int = 8;\n  input d: int[9, 9] in 0..9;\n";

  @Test
  void offersTopLevelKeywordsOutsideDefinitions() {
    assertThat(labels("package a;\n|")).containsExactly("package", "import", "model", "block").inOrder();
    assertThat(labels("model M {\n}\nmo|")).containsExactly("package", "import", "model", "block").inOrder();
  }

  @Test
  void offersStatementKeywordsAndStageKindsAtAStatement() {
    assertThat(labels(HEAD + "  |\n}"))
        .containsExactly("param", "input", "output", "repeat", "if", "use", "let",
            "stem", "init", "features", "layer", "readout", "transition", "next_x", "head").inOrder();
  }

  @Test
  void offersTheValuesOfAStageKind() {
    assertThat(labels(HEAD + "  stem = |")).containsAtLeast("embedding", "patchify", "conv", "identity", "ch", "d");
    assertThat(labels(HEAD + "  readout = readout(N = 2) -> |")).containsAtLeast("readout", "feedforward", "norm_relu_conv");
    assertThat(labels(HEAD + "  head h = cl|")).containsAtLeast("classifier", "cell_classifier", "mlp");
    assertThat(labels(HEAD + "  features = norm_relu_conv(stride = 2) -> |"))
        .containsExactly("feedforward", "norm_relu_conv", "layer_norm", "self_attention", "gelu_mlp", "sincos_position", "ch", "d").inOrder();
  }

  @Test
  void offersTheOptionNamesOfACallAndTheirValues() {
    assertThat(labels(HEAD + "  stem = embedding(d, |")).containsExactly("vocab", "dim", "ch", "d").inOrder();
    assertThat(labels(HEAD + "  layer {\n    connectivity = attention(heads = 2, |"))
        .containsExactly("heads", "positional", "ch", "d").inOrder();
    assertThat(labels(HEAD + "  layer {\n    connectivity = attention(heads = 2, positional = |"))
        .containsExactly("gta", "none", "ch", "d").inOrder();
    assertThat(labels(HEAD + "  readout = readout(N = 2) -> feedforward(norm = |"))
        .containsAtLeast("batch", "group", "none");
  }

  @Test
  void offersLayerPropertiesAndTheirValues() {
    assertThat(labels(HEAD + "  layer {\n    n = 2;\n    |\n  }\n}"))
        .containsExactly("n", "channels", "steps", "gamma", "connectivity", "omega", "c_norm", "projection").inOrder();
    assertThat(labels(HEAD + "  layer {\n    connectivity = |")).containsAtLeast("conv", "attention", "dense");
    assertThat(labels(HEAD + "  layer {\n    omega = |")).containsAtLeast("none", "global", "per_pair");
    assertThat(labels(HEAD + "  layer {\n    c_norm = g|")).containsAtLeast("group", "scale_bias", "none");
  }

  @Test
  void offersNamesInScopeTypesAndBlocks() {
    assertThat(labels(HEAD + "  repeat 2 as i {\n    let w = ch * i;\n    transition = conv(kernel = |"))
        .containsExactly("ch", "d", "i", "w").inOrder();
    assertThat(labels(HEAD + "  param k: |")).containsExactly("int", "float", "bool").inOrder();
    assertThat(labels(HEAD + "  input x: |")).containsExactly("float", "int", "bool", "stimulus", "state").inOrder();
    assertThat(labels(HEAD + "  use |")).containsExactly("Readout");
    assertThat(labels(HEAD + "  head logits = mlp(hidden = 2, features = 2);\n  output o = |"))
        .containsExactly("state", "stimulus", "states", "energies", "logits").inOrder();
  }

  @Test
  void offersNothingInCommentsAndStrings() {
    assertThat(labels(HEAD + "  // stem = |")).isEmpty();
    assertThat(labels("import \"com|")).isEmpty();
    assertThat(labels(HEAD + "  /* | */")).isEmpty();
  }
}
