package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime's convolution (forward, input gradient, weight gradient, through DJL's own training
 * path) against {@link LoopConvolution} on seeded random shapes: channels 1 to 70, kernels 1 to 9,
 * odd and rectangular grids, batch 1 to 3, stride 1 and 2. Every path is covered on every machine:
 * the one the engine check chose and each detour, forced.
 */
class ConvolutionDifferentialTest {
  private static final double TOL = 1e-4;

  /** 36 seeded shapes; the first few pin the cases known to go wrong on some CPUs. */
  static List<ConvGeometry> shapes() {
    List<ConvGeometry> out = new ArrayList<>();
    out.add(ConvGeometry.same(3, 24, 24, 9, 13, 11, 1));
    out.add(ConvGeometry.same(1, 8, 8, 5, 7, 5, 1));
    out.add(ConvGeometry.same(2, 1, 70, 3, 9, 9, 2));
    out.add(ConvGeometry.same(1, 70, 1, 1, 5, 12, 1));
    SplittableRandom r = new SplittableRandom(8);
    while (out.size() < 36) {
      int k = 1 + r.nextInt(9);
      int h = Math.max(k / 2 + 1, 3 + r.nextInt(12));
      int w = Math.max(k / 2 + 1, 3 + r.nextInt(12));
      int in = 1 + r.nextInt(70);
      int o = 1 + r.nextInt(70);
      int batch = 1 + r.nextInt(3);
      int stride = 1 + r.nextInt(2);
      if ((long) batch * in * o * h * w * k * k > 2_500_000L) {
        continue; // keep the double loops fast
      }
      out.add(ConvGeometry.same(batch, in, o, k, h, w, stride));
    }
    return out;
  }

  @Test
  void runtimeConvolutionMatchesDoublePrecisionLoops() {
    SplittableRandom random = new SplittableRandom(99);
    for (ConvGeometry s : shapes()) {
      double[] errors = LoopErrors.of(s, random, Convolutions::conv2d);
      assertWithMessage("planned forward on %s", s).that(errors[0]).isAtMost(TOL);
      assertWithMessage("planned input gradient on %s", s).that(errors[1]).isAtMost(TOL);
      assertWithMessage("planned weight gradient on %s", s).that(errors[2]).isAtMost(TOL);
    }
  }

  /**
   * Each path, forced, on every shape: where the full double loops find it right, the planner's
   * verification must call it right, and where they find it wrong (the engine's kernels under it
   * are wrong on this CPU) the verification must call it wrong. On a CPU whose kernels are right,
   * every path must be right on every shape: the detours are exact.
   */
  @ParameterizedTest
  @EnumSource(ConvolutionPath.class)
  void verificationAgreesWithTheLoopsOnEveryPath(ConvolutionPath path) throws Exception {
    SplittableRandom random = new SplittableRandom(99);
    boolean engineRight = EngineChecks.report().failures().isEmpty();
    for (ConvGeometry s : shapes()) {
      if (!path.distinctFor(s.stride())) {
        continue; // the same computation as a path before it, checked there
      }
      double[] errors;
      try (AutoCloseable forced = EngineChecks.force(path)) {
        assertWithMessage("forced path").that(EngineChecks.forcedPath()).isEqualTo(path);
        errors = LoopErrors.of(s, random, Convolutions::conv2d);
      }
      boolean loopsRight = errors[0] <= TOL && errors[1] <= TOL && errors[2] <= TOL;
      PathVerdict verdict =
          new GeometryVerifier(ConvKey.cpuFloat(s, true), 5, CheckPositions.BUDGET)
              .verify(List.of(path), ConvolutionKernels.ENGINE)
              .get(0);
      assertWithMessage(
              "%s on %s: loops found errors %s, verification %s",
              path, s, java.util.Arrays.toString(errors), verdict)
          .that(verdict.right())
          .isEqualTo(loopsRight);
      if (engineRight) {
        assertWithMessage("%s on %s, errors %s", path, s, java.util.Arrays.toString(errors))
            .that(loopsRight)
            .isTrue();
      }
    }
  }
}
