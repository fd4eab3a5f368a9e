package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/akorn passes every stderr byte through except the one PyTorch deprecation warning and repeated
 * NNPACK notices, binary lines and progress-bar redraws included; and the diagnostics it would
 * pass never hold raw control bytes.
 */
class LauncherScriptTest {
  @TempDir Path dir;

  @Test
  void theStderrFilterKeepsBinaryLinesAndDropsOnlyTheDeprecationWarning() throws Exception {
    Path root = launcherCopy("#!/usr/bin/env bash\n"
        + "printf 'm.akorn:1:1: error[E001]: bad \\0 byte \\351\\n' >&2\n"
        + "printf '[W] AutoNonVariableTypeMode is deprecated and will be removed\\n' >&2\n"
        + "printf 'last line\\n' >&2\n"
        + "printf 'out line\\n'\n"
        + "exit 1\n");
    Path script = root.resolve("bin/akorn");
    Path fakeBin = root.resolve("fake-bin");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "check", "m.akorn");
    pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    Path err = dir.resolve("err");
    Path out = dir.resolve("out");
    pb.redirectError(err.toFile()).redirectOutput(out.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(Files.readString(out)).isEqualTo("out line\n");
    // The filter runs beside the shell: wait until it has written its last line.
    byte[] expected = ("m.akorn:1:1: error[E001]: bad \0 byte \u00e9\nlast line\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.size(err) < expected.length && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.readAllBytes(err)).isEqualTo(expected);
  }

  @Test
  void theNnpackNoticeIsPrintedOnceAndTheDemoProgressBarIsKept() throws Exception {
    String nnpack = "[W1205 00:10:00.000000000 NNPACK.cpp:62] Could not initialize NNPACK! Reason:"
        + " Unsupported hardware.";
    Path root = launcherCopy("#!/usr/bin/env bash\n"
        + "for i in 1 2 3; do printf '%s\\n' '" + nnpack + "' >&2; done\n"
        + "printf '\\r[##    ] 1/3' >&2\n"
        + "printf '%s\\n' '" + nnpack + "' >&2\n"
        + "printf '\\r[####  ] 2/3\\r[######] 3/3\\n' >&2\n"
        + "printf 'error: a real error line\\n' >&2\n"
        + "exit 3\n");
    Files.createDirectories(root.resolve("examples/target"));
    Files.write(root.resolve("examples/target/akorn-examples.jar"), new byte[0]);
    for (String[] args : new String[][] {{"check", "m.akorn"}, {"demo", "sudoku", "run"}}) {
      ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/akorn").toString());
      pb.command().addAll(java.util.List.of(args));
      pb.environment().put("PATH", root.resolve("fake-bin") + ":" + System.getenv("PATH"));
      Path err = dir.resolve("err-" + args[0]);
      pb.redirectError(err.toFile()).redirectOutput(dir.resolve("out-" + args[0]).toFile());
      Process p = pb.start();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(3);
      String expected = nnpack + "\n\r[##    ] 1/3\r[####  ] 2/3\r[######] 3/3\n"
          + "error: a real error line\n";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Files.size(err) < expected.length() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(Files.readString(err)).isEqualTo(expected);
    }
  }

  /**
   * A copy of the launcher in a fresh tree whose jar is up to date, with a stand-in {@code java}
   * (the given script) in the tree's {@code fake-bin}. Returns the tree's root.
   */
  private Path launcherCopy(String javaScript) throws IOException {
    Path root = Files.createTempDirectory(dir, "root");
    Files.createDirectories(root.resolve("bin"));
    Path script = Files.copy(Path.of("..", "bin", "akorn"), root.resolve("bin/akorn"));
    Files.write(
        Files.createDirectories(root.resolve("akorn-cli/target")).resolve("akorn-cli.jar"),
        new byte[0]);
    Path java = Files.createDirectories(root.resolve("fake-bin")).resolve("java");
    Files.writeString(java, javaScript);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }

  /** Runs a copy of the launcher with a stand-in java that prints its OpenMP wait policy. */
  private String waitPolicy(String loadavg, String userPolicy) throws Exception {
    Path root =
        launcherCopy("#!/usr/bin/env bash\necho \"policy=${OMP_WAIT_POLICY:-unset}\"\n");
    Path script = root.resolve("bin/akorn");
    Path fakeBin = root.resolve("fake-bin");
    Path load = Files.writeString(root.resolve("loadavg"), loadavg + " 0.50 0.40 1/100 4242\n");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "doctor");
    pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    pb.environment().put("AKORN_LOADAVG_FILE", load.toString());
    pb.environment().remove("OMP_WAIT_POLICY");
    if (userPolicy != null) {
      pb.environment().put("OMP_WAIT_POLICY", userPolicy);
    }
    Path out = root.resolve("out");
    pb.redirectOutput(out.toFile()).redirectError(root.resolve("err").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return Files.readString(out).trim();
  }

  @Test
  void openMpWorkersSleepAtOnceOnlyOnABusyMachineOrWhenTheUserSaysSo() throws Exception {
    // Busy (a load average of at least the number of cores, whatever it is): PASSIVE.
    assertThat(waitPolicy("1000.00", null)).isEqualTo("policy=PASSIVE");
    // Idle: the OpenMP default (spin a while, then sleep).
    assertThat(waitPolicy("0.00", null)).isEqualTo("policy=unset");
    // The user's choice is kept either way.
    assertThat(waitPolicy("0.00", "ACTIVE")).isEqualTo("policy=ACTIVE");
    assertThat(waitPolicy("1000.00", "ACTIVE")).isEqualTo("policy=ACTIVE");
  }

  @Test
  void checkShowsNulAndControlBytesOfAModelFileVisibly() throws IOException {
    Path model = Files.write(dir.resolve("nul.akorn"),
        "model M {\n  x\0\u0007 = 1;\n}\n".getBytes(StandardCharsets.UTF_8));
    StringWriter err = new StringWriter();
    var cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cli.execute("check", model.toString())).isEqualTo(1);
    String text = err.toString();
    assertThat(text).startsWith(model + ":2:4: error[E001]: unexpected character '\u2400'\n"
        + "      x\u2400\u2407 = 1;\n"
        + "       ^\n");
    assertThat(text.chars().anyMatch(c -> c < 0x20 && c != '\n')).isFalse();
  }
}
