package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    assertThat(lines.stream().filter(l -> l.startsWith("convolution path: ")).count())
        .isEqualTo(1);
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("result: every check right on the paths in use");
  }
}
