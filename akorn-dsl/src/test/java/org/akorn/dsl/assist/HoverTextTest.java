package org.akorn.dsl.assist;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;
import org.junit.jupiter.api.Test;

class HoverTextTest {
  private static final Path MODELS = Path.of("..", "examples", "models").normalize();

  private static String hover(String model, int line, int column) {
    String file = MODELS.resolve(model).toString();
    CompileResult r = AkornCompiler.check(CompileRequest.of(Path.of(file)));
    return HoverText.at(SymbolTableTest.table(r, file), r.models(), line, column).orElseThrow();
  }

  @Test
  void showsAParametersValueDefaultAndDoc() {
    assertThat(hover("sudoku.akorn", 12, 10)).isEqualTo(
        "```akorn\nparam ch: int = 512\n```\n\ndefault: `512`\n\nChannels C (C / n oscillators of n components each).");
  }

  @Test
  void showsAnInputsKindAndShape() {
    assertThat(hover("sudoku.akorn", 23, 9)).isEqualTo(
        "```akorn\ninput digits: [9, 9] in 0..9\n```\n\nan int grid, shape [9, 9] (without the batch axis)\n\n"
            + "The puzzle, 0 = blank.");
  }

  /**
   * Sudoku's layer (C = 512, 8 heads, GTA on 9x9, fixed Omega, learnable gamma): parameters
   * 4*512*512 + 4*512 (attention) + 8*81*64 (GTA) + 1 (gamma) = 1,092,097; MACs per step
   * 81*4*512*512 + 2*81*81*512 + 8*81*512 = 91,984,896.
   */
  @Test
  void showsALayersShapeParametersAndMacs() {
    assertThat(hover("sudoku.akorn", 30, 3)).isEqualTo(
        "```akorn\nlayer\n```\n\n| stage | kind | output shape | parameters | MACs/step |\n|---|---|---|---:|---:|\n"
            + "| layer 1 | kuramoto | [512, 9, 9] | 1,092,097 | 91,984,896 |");
  }

  @Test
  void showsEveryStageOfAChainAndEveryRepetition() {
    assertThat(hover("sudoku.akorn", 40, 4)).contains(
        "| readout 1 | readout | [512, 9, 9] | 1,051,136 | 84,934,656 |\n"
            + "| feedforward 1 | feedforward | [512, 9, 9] | 525,312 | 42,467,328 |\n"
            + "| norm_relu_conv 1 | norm_relu_conv | [512, 9, 9] | 262,656 | 21,233,664 |");
    String layers = hover("objects.akorn", 24, 5);
    assertThat(layers).contains("| layer 1 | kuramoto | [256, 16, 16] |");
    assertThat(layers).contains("| layer 2 | kuramoto | [256, 16, 16] |");
  }

  /**
   * The first read-out of the classifier: ReadOutConv(64 -> 64, N = 2, 3x3) is a conv 64 -> 128
   * with bias (64*128*9 + 128) plus a bias per output channel (64): 73,920 parameters and
   * 64*128*9*32*32 = 75,497,472 MACs.
   */
  @Test
  void showsTheStagesAUsedBlockMakesInEveryRepetition() {
    String text = hover("classification.akorn", 43, 9);

    assertThat(text).startsWith("```akorn\nblock\n```\n\n| stage | kind |");
    assertThat(text).contains("| readout 1 | readout | [64, 32, 32] | 73,920 | 75,497,472 |\n"
        + "| feedforward 1 | feedforward | [64, 32, 32] | 74,112 | 75,497,472 |\n"
        + "| norm_relu_conv 1 | norm_relu_conv | [64, 32, 32] | 37,056 | 37,748,736 |\n"
        + "| readout 2 | readout | [128, 16, 16] | 295,296 | 75,497,472 |");
    assertThat(text).contains("| norm_relu_conv 3 | norm_relu_conv | [256, 8, 8] | 590,592 | 37,748,736 |");
    assertThat(text).endsWith("this one expects `ro_N`, `ro_kernel` and `width` (the layer's channels).");
  }

  @Test
  void showsAHeadThroughTheOutputThatNamesIt() {
    assertThat(hover("sudoku.akorn", 47, 10))
        .contains("| logits | cell_classifier | [9, 9, 9] | 4,617 | 373,248 |");
  }

  @Test
  void showsWhatLinkedWhileTheModelHasErrors() {
    String text = "model M {\n  /** Width. */\n  param ch: int = 2 * 3;\n  output o = state;\n}\n";
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("m.akorn", text));

    assertThat(r.hasErrors()).isTrue();
    assertThat(HoverText.at(SymbolTableTest.table(r, "m.akorn"), r.partialModels(), 3, 10).orElseThrow())
        .isEqualTo("```akorn\nparam ch: int = 6\n```\n\ndefault: `2 * 3`\n\nWidth.");
  }
}
