package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Verifies convolution paths on one geometry: seeded random input, weight, bias and upstream
 * gradient of exactly that geometry, run through each path (forward, and backward when the key
 * says gradients flow), compared with {@link PointwiseConvolution} in double precision at {@link
 * CheckPositions}. The reference values are computed once and shared by every path tried.
 */
final class GeometryVerifier {
  private final ConvKey key;
  private final ConvGeometry s;
  private final float[] x;
  private final float[] w;
  private final float[] b;
  private final float[] g;
  private final Reference forward;
  private final Reference inputGradient;
  private final Reference weightGradient;
  private final Reference biasGradient;
  private final double tolerance;

  GeometryVerifier(ConvKey key, long seed, long budget) {
    this.key = key;
    this.s = key.geometry();
    this.tolerance = PathVerdict.toleranceFor(key);
    SplittableRandom random = new SplittableRandom(seed ^ key.seed());
    x = Errors.uniform(random, s.inputSize());
    w = Errors.uniform(random, s.weightSize());
    b = Errors.uniform(random, s.out());
    g = Errors.uniform(random, s.outputSize());
    PointwiseConvolution oracle = new PointwiseConvolution(s, x, w, b, g);
    int k = s.kernel();
    int hit = (k + s.stride() - 1) / s.stride();
    long plane = (long) s.batch() * s.outHeight() * s.outWidth();
    forward =
        Reference.of(
            s.outputSize(),
            CheckPositions.choose(
                new int[] {s.batch(), s.out(), s.outHeight(), s.outWidth()},
                new boolean[] {false, true, false, false},
                (long) s.in() * k * k,
                budget,
                random),
            oracle::output);
    if (key.gradients()) {
      inputGradient =
          Reference.of(
              s.inputSize(),
              CheckPositions.choose(
                  new int[] {s.batch(), s.in(), s.height(), s.width()},
                  new boolean[] {false, true, false, false},
                  (long) s.out() * hit * hit,
                  budget,
                random),
              oracle::inputGradient);
      weightGradient =
          Reference.of(
              s.weightSize(),
              CheckPositions.choose(
                  new int[] {s.out(), s.in(), k, k},
                  new boolean[] {true, true, false, false},
                  plane,
                  budget,
                random),
              oracle::weightGradient);
      biasGradient =
          Reference.of(
              s.out(),
              CheckPositions.choose(
                  new int[] {s.out(), 1, 1, 1}, new boolean[] {true, false, false, false}, plane,
                  budget,
                random),
              oracle::biasGradient);
    } else {
      inputGradient = null;
      weightGradient = null;
      biasGradient = null;
    }
  }

  /**
   * The verdicts of the paths in {@code order} that are distinct for this stride, in order, up to
   * and including the first right one (all of them when none is right).
   */
  List<PathVerdict> verify(List<ConvolutionPath> order, ConvolutionKernels kernels) {
    return IsolatedAutograd.run(
        "akorn-convolution-check",
        m -> {
          List<PathVerdict> verdicts = new ArrayList<>();
          for (ConvolutionPath path : order) {
            if (!path.distinctFor(s.stride())) {
              continue;
            }
            PathVerdict v = run(m, path, kernels);
            verdicts.add(v);
            if (v.right()) {
              break;
            }
          }
          return verdicts;
        });
  }

  private PathVerdict run(NDManager m, ConvolutionPath path, ConvolutionKernels kernels) {
    try (NDManager sub = m.newSubManager(key.device())) {
      NDArray xa = array(sub, x, new Shape(s.batch(), s.in(), s.height(), s.width()));
      NDArray wa = array(sub, w, new Shape(s.out(), s.in(), s.kernel(), s.kernel()));
      NDArray ba = array(sub, b, new Shape(s.out()));
      if (key.gradients()) {
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        ba.setRequiresGradient(true);
      }
      NDArray y = kernels.conv2d(path, xa, wa, ba, s.stride(), s.padding());
      double forwardError = forward.error(floats(y));
      if (!key.gradients()) {
        return new PathVerdict(path, forwardError, Double.NaN, Double.NaN, tolerance);
      }
      NDArray ga = array(sub, g, new Shape(s.batch(), s.out(), s.outHeight(), s.outWidth()));
      IsolatedAutograd.backward(y, ga);
      double inputError = inputGradient.error(floats(xa.getGradient()));
      double weightError =
          Math.max(
              weightGradient.error(floats(wa.getGradient())),
              biasGradient.error(floats(ba.getGradient())));
      return new PathVerdict(path, forwardError, inputError, weightError, tolerance);
    } catch (RuntimeException e) {
      // A path the engine cannot run here (memory, an unsupported type) is not a right path.
      double inf = Double.POSITIVE_INFINITY;
      return new PathVerdict(
          path, inf, key.gradients() ? inf : Double.NaN, key.gradients() ? inf : Double.NaN, tolerance);
    }
  }

  private NDArray array(NDManager m, float[] values, Shape shape) {
    NDArray a = m.create(values, shape);
    return key.dataType() == DataType.FLOAT32 ? a : a.toType(key.dataType(), false);
  }

  private static float[] floats(NDArray a) {
    return (a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false))
        .toFloatArray();
  }

  /** Double-precision values at chosen positions of one quantity. */
  private record Reference(int size, int[] positions, double[] values, double scale) {
    static Reference of(int size, int[] positions, java.util.function.IntToDoubleFunction at) {
      double[] v = new double[positions.length];
      double scale = 0;
      for (int i = 0; i < positions.length; i++) {
        v[i] = at.applyAsDouble(positions[i]);
        scale = Math.max(scale, Math.abs(v[i]));
      }
      return new Reference(size, positions, v, scale);
    }

    /** {@code max |actual - reference| / max |reference|}; non-finite values are infinitely wrong. */
    double error(float[] actual) {
      if (actual.length != size) {
        return Double.POSITIVE_INFINITY;
      }
      double worst = 0;
      for (int i = 0; i < positions.length; i++) {
        float a = actual[positions[i]];
        if (!Float.isFinite(a)) {
          return Double.POSITIVE_INFINITY;
        }
        worst = Math.max(worst, Math.abs(a - values[i]));
      }
      return worst / Math.max(scale, 1e-30);
    }
  }
}
