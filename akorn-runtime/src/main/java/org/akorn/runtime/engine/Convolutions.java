package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;

/** The one place the runtime's blocks compute a convolution: on the path the engine check chose. */
public final class Convolutions {
  private Convolutions() {}

  /** {@code conv(x, w) + b} ({@code b} may be null), square stride and padding. */
  public static NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
    return EngineChecks.convolutionPath().conv2d(x, w, b, stride, padding);
  }
}
