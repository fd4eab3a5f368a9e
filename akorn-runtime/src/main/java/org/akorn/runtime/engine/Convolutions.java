package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;

/**
 * The one place the runtime's blocks compute a convolution: on the path {@link ConvolutionPlanner}
 * verified for its geometry (or the path forced by {@link EngineChecks#force} or the {@value
 * EngineChecks#PATH_PROPERTY} property).
 */
public final class Convolutions {
  private Convolutions() {}

  /**
   * {@code conv(x, w) + b} ({@code b} may be null), square kernel, stride and padding.
   *
   * @throws NoRightConvolutionException when no path computes right values for this geometry here
   */
  public static NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
    ConvolutionPath forced = EngineChecks.forcedPath();
    return forced != null
        ? forced.conv2d(x, w, b, stride, padding)
        : ConvolutionPlanner.shared().conv2d(x, w, b, stride, padding);
  }
}
