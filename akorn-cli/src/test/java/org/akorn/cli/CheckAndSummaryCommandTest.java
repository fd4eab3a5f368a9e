package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckAndSummaryCommandTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "models");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void checkPrintsOkLinesAndACountForCleanFiles() {
    int status = run("check", EXAMPLES.resolve("sudoku.akorn").toString(), EXAMPLES.resolve("objects.akorn").toString());

    assertThat(status).isEqualTo(0);
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "ok ../examples/models/sudoku.akorn: model org.akorn.examples.Sudoku",
            "ok ../examples/models/objects.akorn: model org.akorn.examples.ObjectDiscovery",
            "2 models checked, no errors")
        .inOrder();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void checkPrintsEveryErrorWithCaretAndFails(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.akorn");
    Files.writeString(bad, "model M {\n  param ch: int = 2 * ;\n  output y = nothing;\n}\n");

    int status = run("check", bad.toString());

    assertThat(status).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            bad + ":2:23: error[E001]: mismatched input ';' expecting {'[', '-', '(', INT, FLOAT, STRING, ID}",
            "      param ch: int = 2 * ;",
            "                          ^",
            "1 error")
        .inOrder();
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void checkReportsMissingFilesAsDiagnostics() {
    int status = run("check", "no/such.akorn");

    assertThat(status).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString()).startsWith("no/such.akorn:1:1: error[E002]: cannot read file 'no/such.akorn'");
  }

  @Test
  void summaryPrintsTheTableWithTheReferenceTotal() {
    int status = run("summary", EXAMPLES.resolve("golden/sudoku_model.akorn").toString(), "--model", "SudokuModel");

    assertThat(status).isEqualTo(0);
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "model org.akorn.golden.SudokuModel (../examples/models/golden/sudoku_model.akorn)",
            "stage             kind                output shape  parameters  MACs/step",
            "-------------------------------------------------------------------------",
            "stem              embedding           [32, 9, 9]           320          0",
            "init              init clamped_noise  [32, 9, 9]             0          0",
            "layer 1           kuramoto            [32, 9, 9]         9,409    772,416",
            "readout 1         readout             [32, 9, 9]         4,256    331,776",
            "feedforward 1     feedforward         [32, 9, 9]         2,112    165,888",
            "norm_relu_conv 1  norm_relu_conv      [32, 9, 9]         1,056     82,944",
            "logits            cell_classifier     [9, 9, 9]            297     23,328",
            "-------------------------------------------------------------------------",
            "total                                                   17,450  1,376,352")
        .inOrder();
  }

  @Test
  void summaryCountsIteratedAttentionOnceAndItsMacsPerIteration() {
    int status = run("summary", EXAMPLES.resolve("golden/sudoku_itrsa.akorn").toString());

    assertThat(status).isEqualTo(0);
    // attention: 4 * 32 * 32 + 4 * 32 weights and biases + LayerNorm 64 = 4,288, shared by T = 4
    // iterations of 81 * 4 * 32 * 32 (projections) + 2 * 81 * 81 * 32 (QK^T, AV) MACs
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "model org.akorn.golden.SudokuItrsa (../examples/models/golden/sudoku_itrsa.akorn)",
            "stage              kind             output shape  parameters  MACs/step",
            "-----------------------------------------------------------------------",
            "stem               embedding        [32, 9, 9]           320          0",
            "sincos_position 1  sincos_position  [32, 9, 9]         2,592          0",
            "self_attention 1   self_attention   [32, 9, 9]         4,288  3,006,720",
            "gelu_mlp 1         gelu_mlp         [32, 9, 9]         4,256    331,776",
            "logits             cell_classifier  [9, 9, 9]            361     23,328",
            "-----------------------------------------------------------------------",
            "total                                                 11,817  3,361,824")
        .inOrder();
  }

  @Test
  void summaryRejectsAnUnknownModelName() {
    int status = run("summary", EXAMPLES.resolve("sudoku4.akorn").toString(), "--model", "Nope");

    assertThat(status).isEqualTo(AkornCli.EXIT_USER_ERROR);
    assertThat(err.toString().strip()).isEqualTo("akorn: no model named 'Nope' in ../examples/models/sudoku4.akorn");
  }
}
