package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.data.SudokuCsvReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code akorn eval --votes K}: C-voting over the random latent of iterated attention (ItrSA++),
 * checked against a vote recomputed here from K runs, and the one-line refusals.
 */
class VotingEvalCommandTest {
  private static final String MODEL = """
      model ItrsaPlus {
        input digits: int[4, 4] in 0..4;
        input given: bool[4, 4];
        stem = embedding(digits, vocab = 5, dim = 8);
        features = sincos_position
                -> self_attention(heads = 2, steps = 2, latent = noise)
                -> gelu_mlp(hidden = 8);
        head logits = cell_classifier(classes = 4, pre = layer_norm);
        output logits;
      }
      """;
  private static final int[] SOLUTION = {1, 2, 3, 4, 3, 4, 1, 2, 2, 1, 4, 3, 4, 3, 2, 1};

  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  final StringWriter out = new StringWriter();
  Path data;
  Path checkpoint;

  int akorn(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** {@code n} puzzles: the board above with its digits relabelled and 8 cells blanked. */
  static void writeBoards(Path file, int n, long seed) throws Exception {
    Random r = new Random(seed);
    StringBuilder csv = new StringBuilder("quizzes,solutions\n");
    for (int i = 0; i < n; i++) {
      List<Integer> labels = new ArrayList<>(List.of(1, 2, 3, 4));
      java.util.Collections.shuffle(labels, r);
      StringBuilder puzzle = new StringBuilder();
      StringBuilder solution = new StringBuilder();
      for (int cell = 0; cell < 16; cell++) {
        int digit = labels.get(SOLUTION[cell] - 1);
        solution.append(digit);
        puzzle.append(r.nextBoolean() ? '0' : (char) ('0' + digit));
      }
      csv.append(puzzle).append(',').append(solution).append('\n');
    }
    Files.writeString(file, csv);
  }

  @BeforeEach
  void trainBriefly() throws Exception {
    data = dir.resolve("data");
    Files.createDirectories(data);
    writeBoards(data.resolve("train.csv"), 24, 1);
    writeBoards(data.resolve("test.csv"), 7, 2);
    Path model = dir.resolve("itrsa.akorn");
    Files.writeString(model, MODEL);
    Path run = dir.resolve("run");
    int code = akorn("train", model.toString(), "--data", data.toString(), "--steps", "3", "--batch", "8",
        "--validation", "4", "--validate-every", "0", "--out", run.toString());
    assertThat(err.toString()).doesNotContain("Exception");
    assertWithMessage(err.toString()).that(code).isEqualTo(0);
    checkpoint = run.resolve("model.ckpt");
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  @Test
  void cVotingKeepsTheMostConfidentOfKRandomLatents() throws Exception {
    Path report = dir.resolve("eval");
    int code = akorn("eval", checkpoint.toString(), "--data", data.toString(), "--votes", "3", "--batch", "4",
        "--seed", "5", "--out", report.toString());
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(code).isEqualTo(0);

    // The same vote, recomputed: batch b runs seeds 5 + 3b + k; per board the run with the highest
    // mean top-1 probability (in double precision) wins.
    Dataset test = SudokuCsvReader.read(data.resolve("test.csv"));
    long cells = 0;
    long right = 0;
    long boards = 0;
    try (AkornModel model = CompiledModel.fromCheckpoint(checkpoint, new PrintWriter(new StringWriter())).load(checkpoint);
        NDManager m = NDManager.newBaseManager()) {
      for (int from = 0, b = 0; from < test.size(); from += 4, b++) {
        int[] idx = java.util.stream.IntStream.range(from, Math.min(test.size(), from + 4)).toArray();
        Map<String, NDArray> inputs = test.inputs(m, idx);
        long[] labels = test.labels(m, idx).toLongArray();
        double[] best = new double[idx.length];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        long[][] chosen = new long[idx.length][];
        for (int k = 0; k < 3; k++) {
          float[] logits = model.forward(inputs, RunOptions.defaults().withSeed(5 + 3L * b + k))
              .output("logits").toFloatArray();
          for (int e = 0; e < idx.length; e++) {
            double confidence = 0;
            long[] predicted = new long[16];
            for (int cell = 0; cell < 16; cell++) {
              int at = (e * 16 + cell) * 4;
              double max = Double.NEGATIVE_INFINITY;
              double sum = 0;
              for (int d = 0; d < 4; d++) {
                if (logits[at + d] > max) {
                  max = logits[at + d];
                  predicted[cell] = d;
                }
              }
              for (int d = 0; d < 4; d++) {
                sum += Math.exp(logits[at + d] - max);
              }
              confidence += 1 / sum / 16;
            }
            if (confidence > best[e] + 1e-6) {
              best[e] = confidence;
              chosen[e] = predicted;
            }
          }
        }
        for (int e = 0; e < idx.length; e++) {
          boolean all = true;
          for (int cell = 0; cell < 16; cell++) {
            boolean ok = chosen[e][cell] == labels[e * 16 + cell];
            right += ok ? 1 : 0;
            all &= ok;
          }
          cells += 16;
          boards += all ? 1 : 0;
        }
      }
    }
    String expected = String.format(Locale.ROOT,
        "ItrsaPlus (C-voting, K = 3): accuracy %.2f %%, all positions right %.2f %% on 7 test examples",
        100.0 * right / cells, 100.0 * boards / test.size());
    assertThat(out.toString()).contains(expected);
    assertThat(Files.readString(report.resolve("report.md")))
        .contains("| model | vote | accuracy | all positions right |");
  }

  @Test
  void energyVotingNeedsKuramotoLayersAndTheRankingIsChecked() throws Exception {
    int code = akorn("eval", checkpoint.toString(), "--data", data.toString(), "--votes", "2", "--vote", "energy");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("akorn: ItrsaPlus has no Kuramoto layer, hence no energy; vote by confidence instead");
    err.getBuffer().setLength(0);
    code = akorn("eval", checkpoint.toString(), "--data", data.toString(), "--votes", "2", "--vote", "best");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("akorn: --vote takes energy or confidence, got 'best'");
    err.getBuffer().setLength(0);
    code = akorn("eval", checkpoint.toString(), "--data", data.toString(), "--votes", "2", "--robustness");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("akorn: --votes and --robustness cannot be combined");
  }

  @Test
  void aModelWithoutARandomStateIsNotVotedOn() throws Exception {
    Path model = dir.resolve("itrsa.akorn");
    Files.writeString(model, MODEL.replace("ItrsaPlus", "Itrsa").replace(", latent = noise", ""));
    Path run = dir.resolve("plain");
    int code = akorn("train", model.toString(), "--data", data.toString(), "--steps", "1", "--batch", "8",
        "--validation", "4", "--validate-every", "0", "--out", run.toString());
    assertWithMessage(err.toString()).that(code).isEqualTo(0);
    err.getBuffer().setLength(0);
    code = akorn("eval", run.resolve("model.ckpt").toString(), "--data", data.toString(), "--votes", "2");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("akorn: Itrsa starts from no random state, so every vote would see the same run");
  }
}
