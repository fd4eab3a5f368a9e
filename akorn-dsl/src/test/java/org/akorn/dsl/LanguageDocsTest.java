package org.akorn.dsl;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.akorn.dsl.diag.DiagnosticCode;
import org.junit.jupiter.api.Test;

/** docs/language.md documents every diagnostic code and every construct of the language. */
class LanguageDocsTest {
  private static final Path DOC = Path.of("..", "docs", "language.md");

  private static final List<String> CONSTRUCTS =
      List.of(
          "package ", "import \"", "model ", "block ", "use ", "/**", "// ", "/* ",
          "param ", ": int", ": float", ": bool", ": int[]", "input ", "float[", "int[9, 9] in 0..9",
          "bool[", "stimulus[", "state[", "stem = embedding(", "stem = patchify(", "stem = conv(",
          "stem = identity(", "normalize", "init = noise;", "init = noise(clamp", "init = learned;",
          "init = given(", "layer {", "n = ", "channels = ", "steps = ", "gamma = ", "learnable(",
          "fixed(", "connectivity = conv(kernel", "attention(heads", "positional", "gta", "dense",
          "omega = global(", "per_pair(", "c_norm = ", "scale_bias", "projection = ", "readout = readout(N",
          "feedforward(hidden", "norm_relu_conv(", "norm = ", "batch", "transition = conv(", "next_x = ",
          "repeat L as i", "let ", "if i > 0", "head ", "classifier(pool", "cell_classifier(", "mlp(pool",
          "output logits;", "= stimulus;", "= state;", "= states;", "= energies;", "^", "ksizes[i]");

  @Test
  void documentsEveryDiagnosticCodeAndConstruct() throws IOException {
    String doc = Files.readString(DOC);
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertWithMessage(code.name()).that(doc).contains("| " + code.id() + " |");
    }
    for (String construct : CONSTRUCTS) {
      assertWithMessage("docs/language.md").that(doc).contains(construct);
    }
  }
}
