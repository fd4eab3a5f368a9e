package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's kernels with a CPU's faults replayed: for every (geometry, path) listed, the forward
 * output, the input gradient and the weight gradient are made wrong by exactly the listed relative
 * error ({@code max |wrong - right| / max |right|}), the others left right. Forward: {@code y + e *
 * stop(y)}; gradients: the operand becomes {@code a + e * (a - stop(a))}, equal to {@code a} but
 * with its gradient scaled by {@code 1 + e}. An infinite error (the engine returned non-finite
 * values) is replayed as 1e30.
 *
 * <p>The table measures the engine's kernels and the padded-channel path. A stride-1-then-subsampled
 * convolution runs the same unpadded kernels at stride 1, so it takes the engine path's fault of
 * the same geometry; the padded stride-1 decomposition and the unfolded product, which were
 * measured right wherever tried, are right unless a fault names them.
 */
final class FaultReplayKernels implements ConvolutionKernels {
  /** A geometry on a path. */
  record Site(ConvGeometry geometry, ConvolutionPath path) {}

  private static final double INFINITE = 1e30;
  private final Map<Site, double[]> faults;

  FaultReplayKernels(Map<Site, double[]> faults) {
    this.faults = new LinkedHashMap<>(faults);
  }

  /** The errors the replay gives {@code path} on {@code geometry}; zeros when it is right. */
  double[] errors(ConvGeometry geometry, ConvolutionPath path) {
    double[] e = faults.get(new Site(geometry, path));
    if (e == null && path == ConvolutionPath.STRIDE_ONE_SUBSAMPLED) {
      e = faults.get(new Site(geometry, ConvolutionPath.ENGINE));
    }
    return e == null ? new double[3] : e;
  }

  /** True when {@code path} computes every quantity right on {@code geometry} under the replay. */
  boolean right(ConvGeometry geometry, ConvolutionPath path) {
    for (double e : errors(geometry, path)) {
      if (!(e <= PathVerdict.TOLERANCE)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public NDArray conv2d(
      ConvolutionPath path, NDArray x, NDArray w, NDArray b, int stride, int padding) {
    ConvGeometry g = ConvKey.of(x, w, stride, padding).geometry();
    double[] e = errors(g, path);
    NDArray xs = e[1] > PathVerdict.TOLERANCE ? scaleGradient(x, e[1]) : x;
    NDArray ws = e[2] > PathVerdict.TOLERANCE ? scaleGradient(w, e[2]) : w;
    NDArray y = path.conv2d(xs, ws, b, stride, padding);
    return e[0] > PathVerdict.TOLERANCE ? y.add(y.stopGradient().mul(factor(y, e[0]))) : y;
  }

  private static NDArray scaleGradient(NDArray a, double error) {
    return a.add(a.sub(a.stopGradient()).mul(factor(a, error)));
  }

  /**
   * The error as a scalar array the engine allocated: {@code a.mul(float)} would wrap a Java
   * buffer that autograd keeps after it is closed, and backward could read it after the garbage
   * collector freed it.
   */
  private static NDArray factor(NDArray like, double error) {
    return like.getManager()
        .full(new Shape(), (float) Math.min(error, INFINITE), like.getDataType(), like.getDevice());
  }
}
