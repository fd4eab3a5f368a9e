package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;

/**
 * Runs a convolution on a given path. The runtime's kernels are {@link #ENGINE}; tests put a
 * wrapper in between that corrupts chosen results, to replay a CPU's faults on any machine.
 */
@FunctionalInterface
public interface ConvolutionKernels {
  /** The engine, as it is. */
  ConvolutionKernels ENGINE = ConvolutionPath::conv2d;

  /** {@code conv(x, w) + b} on {@code path} ({@code b} may be null). */
  NDArray conv2d(
      ConvolutionPath path, NDArray x, NDArray w, NDArray b, int stride, int padding);
}
