package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineChecksTest {
  @Test
  void reportCoversConvolutionAndMatmulAndPlansEveryCheckShapeOnARightPath() {
    EngineReport report = EngineChecks.report();
    assertThat(report.engine().stream().map(CheckResult::name).toList())
        .containsExactly(
            "conv forward",
            "conv input gradient",
            "conv weight gradient",
            "matmul forward",
            "matmul left gradient",
            "matmul right gradient")
        .inOrder();
    assertThat(report.healthy()).isTrue();
    assertThat(report.unplannable()).isEmpty();
    assertThat(report.plans()).hasSize(ConvolutionCheck.SHAPES.size());
    for (ConvolutionPlan plan : report.plans()) {
      PathVerdict last = plan.tried().get(plan.tried().size() - 1);
      assertThat(last.path()).isEqualTo(plan.path());
      assertThat(last.right()).isTrue();
      assertThat(plan.key().gradients()).isTrue();
    }
    if (report.failures().isEmpty()) {
      assertThat(report.detours()).isEmpty();
    }
    assertThat(report.summary()).startsWith("engine self-check (");
  }

  @Test
  void checkOfTheDetoursAgreesWithTheLoops() {
    for (ConvolutionPath path :
        List.of(
            ConvolutionPath.PADDED_CHANNELS,
            ConvolutionPath.STRIDE_ONE_SUBSAMPLED,
            ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED,
            ConvolutionPath.UNFOLDED_MATMUL)) {
      List<CheckResult> results = ConvolutionCheck.run(path, ConvolutionCheck.SHAPES, 5);
      assertThat(results).hasSize(3);
      for (CheckResult r : results) {
        assertThat(r.worstError()).isAtMost(1e-5);
        assertThat(r.passed()).isTrue();
      }
    }
  }

  @Test
  void aWrongKernelIsCaught() {
    // A "convolution" that drops the last input channel: what a kernel that mishandles a channel
    // remainder computes. The check must call it wrong, forward and both gradients.
    ConvolutionPath path = ConvolutionPath.ENGINE;
    List<CheckResult> results =
        IsolatedAutograd.run(
            "test",
            m -> {
              ConvGeometry s = ConvGeometry.same(1, 3, 2, 3, 5, 5, 1);
              float[] x = new float[s.inputSize()];
              float[] w = new float[s.weightSize()];
              java.util.Arrays.fill(x, 1f);
              java.util.Arrays.fill(w, 1f);
              ai.djl.ndarray.NDArray xa =
                  m.create(x, new ai.djl.ndarray.types.Shape(1, 3, 5, 5));
              ai.djl.ndarray.NDArray wa =
                  m.create(w, new ai.djl.ndarray.types.Shape(2, 3, 3, 3));
              ai.djl.ndarray.NDArray truncated =
                  path.conv2d(
                      xa.get(":, :2"), wa.get(":, :2"), null, 1, 1);
              double err =
                  Errors.relative(
                      truncated.toFloatArray(),
                      new PointwiseConvolution(s, x, w, null, new float[s.outputSize()]).outputs());
              return List.of(CheckResult.of("conv forward", err, s.toString()));
            });
    assertThat(results.get(0).passed()).isFalse();
    assertThat(results.get(0).worstError()).isWithin(1e-9).of(1.0 / 3);
    assertThat(results.get(0).toString()).startsWith("conv forward: WRONG (worst error 3.3e-01 on B1 3->2 k3 5x5 s1 p1)");
  }

  @Test
  void pathPropertyAcceptsTheDocumentedValues() {
    String old = System.getProperty(EngineChecks.PATH_PROPERTY);
    try {
      System.setProperty(EngineChecks.PATH_PROPERTY, "padded");
      assertThat(EngineChecks.pathFromProperty()).isEqualTo(ConvolutionPath.PADDED_CHANNELS);
      System.setProperty(EngineChecks.PATH_PROPERTY, "Unfolded");
      assertThat(EngineChecks.pathFromProperty()).isEqualTo(ConvolutionPath.UNFOLDED_MATMUL);
      System.setProperty(EngineChecks.PATH_PROPERTY, "stride1");
      assertThat(EngineChecks.pathFromProperty()).isEqualTo(ConvolutionPath.STRIDE_ONE_SUBSAMPLED);
      System.setProperty(EngineChecks.PATH_PROPERTY, " padded-stride1 ");
      assertThat(EngineChecks.pathFromProperty())
          .isEqualTo(ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED);
      System.setProperty(EngineChecks.PATH_PROPERTY, "auto");
      assertThat(EngineChecks.pathFromProperty()).isNull();
      System.setProperty(EngineChecks.PATH_PROPERTY, "fast");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, EngineChecks::pathFromProperty);
      assertThat(e).hasMessageThat()
          .isEqualTo(
              "akorn.convolution must be auto, engine, padded, stride1, padded-stride1 or unfolded,"
                  + " got 'fast'");
    } finally {
      if (old == null) {
        System.clearProperty(EngineChecks.PATH_PROPERTY);
      } else {
        System.setProperty(EngineChecks.PATH_PROPERTY, old);
      }
    }
  }
}
