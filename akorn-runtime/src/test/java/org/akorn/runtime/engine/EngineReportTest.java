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

  private static final ConvGeometry G = new ConvGeometry(2, 40, 24, 3, 9, 9, 2, 1);
  private static final ConvolutionPlan ENGINE_PLAN =
      new ConvolutionPlan(
          ConvKey.cpuFloat(G, true),
          ConvolutionPath.ENGINE,
          List.of(new PathVerdict(ConvolutionPath.ENGINE, 1e-7, 2e-7, 3e-7)),
          4);
  private static final ConvolutionPlan PADDED_PLAN =
      new ConvolutionPlan(
          ConvKey.cpuFloat(G, true),
          ConvolutionPath.PADDED_CHANNELS,
          List.of(
              new PathVerdict(ConvolutionPath.ENGINE, 0.25, Double.POSITIVE_INFINITY, 3e-7),
              new PathVerdict(ConvolutionPath.PADDED_CHANNELS, 1e-7, 2e-7, 3e-7)),
          6);

  @Test
  void rightEngineIsHealthy() {
    EngineReport r =
        new EngineReport(List.of(CONV_OK, MATMUL_OK), List.of(ENGINE_PLAN), List.of(), null, 5);
    assertThat(r.healthy()).isTrue();
    assertThat(r.summary())
        .isEqualTo(
            "engine self-check (5 ms): engine right on 2 checks; every convolution shape checked"
                + " runs on engine kernels");
    assertThat(ENGINE_PLAN.toString())
        .isEqualTo(
            "B2 40->24 k3 9x9 s2 p1 float32 cpu() with gradients: engine kernels (checked right,"
                + " 4 ms)");
  }

  @Test
  void wrongConvolutionWithARightDetourIsHealthyAndSaysSo() {
    EngineReport r =
        new EngineReport(
            List.of(CONV_BAD, MATMUL_OK), List.of(ENGINE_PLAN, PADDED_PLAN), List.of(), null, 9);
    assertThat(r.healthy()).isTrue();
    assertThat(r.failures()).containsExactly(CONV_BAD);
    assertThat(r.detours()).containsExactly(PADDED_PLAN);
    assertThat(r.summary())
        .isEqualTo(
            "engine self-check (9 ms): engine WRONG: conv input gradient: WRONG (worst error 3.7e-01"
                + " on B1 24->24); 1 of 2 convolution shapes checked run on exact detours, verified"
                + " right");
    assertThat(PADDED_PLAN.toString())
        .isEqualTo(
            "B2 40->24 k3 9x9 s2 p1 float32 cpu() with gradients: channels padded to multiples of"
                + " 16 (checked right, 6 ms; engine kernels: WRONG (forward 2.5e-01, input gradient"
                + " Infinity))");
  }

  @Test
  void aShapeWithNoRightPathOrWrongMatmulIsUnhealthy() {
    NoRightConvolutionException none =
        new NoRightConvolutionException(
            ConvKey.cpuFloat(G, true),
            List.of(new PathVerdict(ConvolutionPath.UNFOLDED_MATMUL, 0.5, 1e-7, 1e-7)));
    EngineReport r = new EngineReport(List.of(CONV_BAD), List.of(), List.of(none), null, 1);
    assertThat(r.healthy()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "engine self-check (1 ms): engine WRONG: conv input gradient: WRONG (worst error 3.7e-01"
                + " on B1 24->24); 1 convolution shapes have no right path: results of convolutions"
                + " cannot be trusted on this machine");
    assertThat(
            new EngineReport(List.of(CONV_OK, MATMUL_BAD), List.of(ENGINE_PLAN), List.of(), null, 1)
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
