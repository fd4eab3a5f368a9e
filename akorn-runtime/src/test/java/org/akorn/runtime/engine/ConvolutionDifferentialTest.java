package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

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
    assertPathRight(null);
  }

  @Test
  void paddedChannelDetourIsExactOnEveryMachine() throws Exception {
    try (AutoCloseable forced = EngineChecks.force(ConvolutionPath.PADDED_CHANNELS)) {
      assertPathRight(ConvolutionPath.PADDED_CHANNELS);
    }
  }

  @Test
  void unfoldedMatmulDetourIsExactOnEveryMachine() throws Exception {
    try (AutoCloseable forced = EngineChecks.force(ConvolutionPath.UNFOLDED_MATMUL)) {
      assertPathRight(ConvolutionPath.UNFOLDED_MATMUL);
    }
  }

  @Test
  void paddedStrideOneDecompositionIsExactOnEveryMachine() throws Exception {
    try (AutoCloseable forced = EngineChecks.force(ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED)) {
      assertPathRight(ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED);
    }
  }

  private static void assertPathRight(ConvolutionPath expected) {
    if (expected != null) {
      assertWithMessage("forced path").that(EngineChecks.forcedPath()).isEqualTo(expected);
    }
    String path = expected == null ? "planned" : expected.name();
    SplittableRandom random = new SplittableRandom(99);
    for (ConvGeometry s : shapes()) {
      float[] x = Errors.uniform(random, s.inputSize());
      float[] w = Errors.uniform(random, s.weightSize());
      float[] b = Errors.uniform(random, s.out());
      float[] g = Errors.uniform(random, s.outputSize());
      LoopConvolution loops = new LoopConvolution(s);
      double[] y = loops.forward(x, w, b);
      double[][] grads = loops.gradients(x, w, g);
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray xa = m.create(x, new Shape(s.batch(), s.in(), s.height(), s.width()));
        NDArray wa = m.create(w, new Shape(s.out(), s.in(), s.kernel(), s.kernel()));
        NDArray ba = m.create(b);
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        NDArray ya;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ya = Convolutions.conv2d(xa, wa, ba, s.stride(), s.padding());
          NDArray loss =
              ya.mul(m.create(g, new Shape(s.batch(), s.out(), s.outHeight(), s.outWidth())))
                  .sum();
          gc.backward(loss);
        }
        assertWithMessage("%s forward on %s", path, s)
            .that(Errors.relative(ya.toFloatArray(), y))
            .isAtMost(TOL);
        assertWithMessage("%s input gradient on %s", path, s)
            .that(Errors.relative(xa.getGradient().toFloatArray(), grads[0]))
            .isAtMost(TOL);
        assertWithMessage("%s weight gradient on %s", path, s)
            .that(Errors.relative(wa.getGradient().toFloatArray(), grads[1]))
            .isAtMost(TOL);
      }
    }
  }
}
