package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks a {@link ConvolutionPath} (forward, input gradient, weight gradient) against {@link
 * PointwiseConvolution} at every position, on a few small shapes, among them channel counts that are not multiples of
 * 16, kernels 1 to 9, odd and rectangular grids and stride 2.
 */
public final class ConvolutionCheck {
  /** The shapes checked on first use: small enough to take milliseconds. */
  public static final List<ConvGeometry> SHAPES =
      List.of(
          ConvGeometry.same(2, 8, 8, 3, 9, 7, 1),
          ConvGeometry.same(2, 24, 24, 5, 8, 8, 1),
          ConvGeometry.same(1, 24, 24, 9, 9, 10, 1),
          ConvGeometry.same(3, 3, 16, 3, 10, 10, 1),
          ConvGeometry.same(2, 20, 12, 7, 11, 9, 2),
          ConvGeometry.same(2, 40, 40, 1, 7, 7, 1),
          ConvGeometry.same(2, 16, 32, 3, 8, 8, 2),
          ConvGeometry.same(1, 48, 24, 5, 7, 7, 1));

  private ConvolutionCheck() {}

  /** Forward, input-gradient and weight-gradient results of {@code path} over {@code shapes}. */
  public static List<CheckResult> run(ConvolutionPath path, List<ConvGeometry> shapes, long seed) {
    return IsolatedAutograd.run("akorn-engine-check", m -> check(m, path, shapes, seed));
  }

  private static List<CheckResult> check(
      NDManager m, ConvolutionPath path, List<ConvGeometry> shapes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Worst forward = new Worst();
    Worst inputGrad = new Worst();
    Worst weightGrad = new Worst();
    for (ConvGeometry s : shapes) {
      float[] x = Errors.uniform(random, s.inputSize());
      float[] w = Errors.uniform(random, s.weightSize());
      float[] b = Errors.uniform(random, s.out());
      float[] g = Errors.uniform(random, s.outputSize());
      try (NDManager sub = m.newSubManager()) {
        NDArray xa = sub.create(x, new Shape(s.batch(), s.in(), s.height(), s.width()));
        NDArray wa = sub.create(w, new Shape(s.out(), s.in(), s.kernel(), s.kernel()));
        NDArray ba = sub.create(b);
        NDArray ga = sub.create(g, new Shape(s.batch(), s.out(), s.outHeight(), s.outWidth()));
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        NDArray y = path.conv2d(xa, wa, ba, s.stride(), s.padding());
        PointwiseConvolution oracle = new PointwiseConvolution(s, x, w, b, g);
        forward.see(Errors.relative(y.toFloatArray(), oracle.outputs()), s);
        IsolatedAutograd.backward(y, ga);
        inputGrad.see(
            Errors.relative(
                xa.getGradient().toFloatArray(), oracle.inputGradients()),
            s);
        weightGrad.see(
            Errors.relative(
                wa.getGradient().toFloatArray(), oracle.weightGradients()),
            s);
      }
    }
    return List.of(
        forward.result("conv forward"),
        inputGrad.result("conv input gradient"),
        weightGrad.result("conv weight gradient"));
  }

  /** The worst error over the shapes and where it was seen. */
  static final class Worst {
    private double error = -1;
    private String where = "";

    void see(double e, Object shape) {
      if (e > error || Double.isNaN(e)) {
        error = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        where = String.valueOf(shape);
      }
    }

    CheckResult result(String name) {
      return CheckResult.of(name, error, where);
    }
  }
}
