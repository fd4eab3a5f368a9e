package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineReportTest {
  private static final CheckResult CONV_OK = CheckResult.of("conv forward", 2e-7, "a");
  private static final CheckResult CONV_BAD = CheckResult.of("conv input gradient", 0.37, "B1 24->24");
  private static final CheckResult MATMUL_OK = CheckResult.of("matmul forward", 1e-7, "b");
  private static final CheckResult MATMUL_BAD = CheckResult.of("matmul forward", 2.0, "b");

  @Test
  void rightEngineIsHealthy() {
    EngineReport r =
        new EngineReport(List.of(CONV_OK, MATMUL_OK), ConvolutionPath.ENGINE, List.of(), false, 5);
    assertThat(r.healthy()).isTrue();
    assertThat(r.summary())
        .isEqualTo("engine self-check (5 ms): engine right on 2 checks; convolutions use engine kernels");
  }

  @Test
  void wrongConvolutionWithARightDetourIsHealthyAndSaysSo() {
    EngineReport r =
        new EngineReport(
            List.of(CONV_BAD, MATMUL_OK),
            ConvolutionPath.PADDED_CHANNELS,
            List.of(CONV_OK),
            false,
            9);
    assertThat(r.healthy()).isTrue();
    assertThat(r.failures()).containsExactly(CONV_BAD);
    assertThat(r.summary())
        .isEqualTo(
            "engine self-check (9 ms): engine WRONG: conv input gradient: WRONG (worst error 3.7e-01"
                + " on B1 24->24); convolutions use channels padded to multiples of 16, checked right");
  }

  @Test
  void wrongDetourOrWrongMatmulIsUnhealthy() {
    assertThat(
            new EngineReport(
                    List.of(CONV_BAD), ConvolutionPath.UNFOLDED_MATMUL, List.of(CONV_BAD), false, 1)
                .healthy())
        .isFalse();
    assertThat(
            new EngineReport(List.of(CONV_OK, MATMUL_BAD), ConvolutionPath.ENGINE, List.of(), false, 1)
                .healthy())
        .isFalse();
  }

  @Test
  void nonFiniteResultsAreInfinitelyWrong() {
    assertThat(Errors.relative(new float[] {1f, Float.NaN}, new double[] {1, 1}))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Errors.relative(new float[] {1f, 3f}, new double[] {1, 4})).isEqualTo(0.25);
  }

  @Test
  void cpuInfoReadsTheFirstProcessorOnly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cpuinfo");
    Files.writeString(
        file,
        "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel name\t: AMD EPYC\n"
            + "flags\t\t: fpu avx512f\n\nprocessor\t: 1\nmodel name\t: other\n");
    Map<String, String> info = EngineDiagnosis.cpuInfo(file);
    assertThat(info)
        .containsExactly(
            "processor", "0",
            "vendor_id", "AuthenticAMD",
            "cpu family", "26",
            "model name", "AMD EPYC",
            "flags", "fpu avx512f")
        .inOrder();
    assertThat(EngineDiagnosis.cpuInfo(dir.resolve("missing"))).isEmpty();
  }
}
