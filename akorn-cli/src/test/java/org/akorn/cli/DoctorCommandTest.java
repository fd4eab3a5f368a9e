package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DoctorCommandTest {

  @Test
  void printsVersionsCpuEveryCheckAndThePathThenExitsZero() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = AkornCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int status = cli.execute("doctor");

    List<String> lines = out.toString().lines().toList();
    assertThat(status).isEqualTo(0);
    assertThat(err.toString()).isEmpty();
    assertThat(lines.get(0)).startsWith("akorn ");
    assertThat(lines.get(1)).startsWith("java: " + System.getProperty("java.version") + " (");
    assertThat(lines).contains("engine: PyTorch 2.7.1");
    assertThat(lines).contains("native library: pytorch-native-cpu 2.7.1-20250812 linux-x86_64");
    assertThat(lines.stream().filter(l -> l.startsWith("cpu: ")).count()).isEqualTo(1);
    assertThat(lines.stream().filter(l -> l.startsWith("cpu flags: ")).count()).isEqualTo(1);
    List<String> checks = lines.stream().filter(l -> l.startsWith("  engine ")).toList();
    assertThat(checks).hasSize(6);
    assertThat(checks.get(0)).startsWith("  engine conv forward: ");
    assertThat(checks.get(5)).startsWith("  engine matmul right gradient: ");
    int plans = lines.indexOf(
        "convolution plans of the check shapes (each geometry verified where it runs):");
    assertThat(plans).isGreaterThan(0);
    for (int i = plans + 1; i <= plans + 8; i++) {
      assertThat(lines.get(i)).matches("  B\\d+ \\d+->\\d+ k\\d+ .* float32 cpu\\(\\) with gradients: .*"
          + " \\(checked right, \\d+ ms.*");
    }
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("result: every check right on the paths in use");
  }

  /** Every example model, as it will run: every convolution verified, float32 close to float64. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "classification.akorn",
        "fashion.akorn",
        "fashion_cnn.akorn",
        "objects.akorn",
        "sudoku.akorn",
        "sudoku4.akorn",
        "tetrominoes.akorn"
      })
  void everyExampleModelHasVerifiedPlansAndFloat32AgreesWithFloat64(String file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = AkornCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    Path model = Path.of("..", "examples", "models", file);

    int status = cli.execute("doctor", "--model", model.toString());

    List<String> lines = out.toString().lines().toList();
    assertWithMessage("%s\n%s", out, err).that(status).isEqualTo(0);
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("convolution plans (")) {
        header = i;
      }
    }
    assertWithMessage(out.toString()).that(header).isGreaterThan(0);
    int geometries = Integer.parseInt(lines.get(header).replaceAll("\\D+(\\d+) geometries.*", "$1"));
    assertThat(geometries).isGreaterThan(0);
    for (int i = header + 1; i <= header + geometries; i++) {
      assertThat(lines.get(i)).contains("(checked right, ");
    }
    int compared = lines.indexOf("float32 against float64 (max |difference| / max |float64|):");
    assertThat(compared).isEqualTo(header + geometries + 1);
    List<String> diffs = lines.subList(compared + 1, lines.size() - 1);
    assertThat(diffs.get(0)).startsWith("  output ");
    assertThat(diffs.size()).isGreaterThan(1);
    for (String d : diffs) {
      double relative = Double.parseDouble(d.substring(d.lastIndexOf(": ") + 2).trim());
      assertWithMessage(d).that(relative).isAtMost(1e-3);
    }
    assertThat(lines.get(lines.size() - 1))
        .startsWith("result: " + geometries + " convolution geometries verified right (");
  }
}
