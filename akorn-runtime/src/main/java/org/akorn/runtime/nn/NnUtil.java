package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Shape helpers shared by the blocks. */
final class NnUtil {
  private NnUtil() {}

  /** {@code [1, C, 1, ...]} with {@code rank} dimensions, for per-channel broadcasting. */
  static Shape channelShape(long channels, int rank) {
    long[] dims = new long[rank];
    java.util.Arrays.fill(dims, 1L);
    dims[1] = channels;
    return new Shape(dims);
  }

  /** {@code [B, C, s...] -> [B, C / n, n, s...]}. */
  static Shape groupShape(Shape s, long n) {
    long[] dims = new long[s.dimension() + 1];
    dims[0] = s.get(0);
    dims[1] = s.get(1) / n;
    dims[2] = n;
    for (int i = 2; i < s.dimension(); i++) {
      dims[i + 1] = s.get(i);
    }
    return new Shape(dims);
  }

  /** {@code a} moved to the device of {@code like} (no copy when it is already there). */
  static NDArray onDeviceOf(NDArray a, NDArray like) {
    return a.toDevice(like.getDevice(), false);
  }

  /**
   * {@code x} laid out row-major (contiguous). A flatten is a view only when the array already is
   * contiguous; otherwise the engine copies into a row-major array. Used for the per-run constants
   * of a loop: a broadcast operand with scattered strides keeps the engine's elementwise kernels
   * from vectorising (measured 10-25x slower, docs/performance.md).
   */
  static NDArray contiguous(NDArray x) {
    return x.reshape(-1).reshape(x.getShape());
  }

  /**
   * {@code x * value}, safe under autograd: use it instead of {@code x.mul(2f)} in a forward
   * pass.
   *
   * <p>DJL's PyTorch engine runs {@code x.mul(Number)} as {@code x.mul(manager.create(n))} and
   * closes that scalar at once; {@code create} wraps a Java direct buffer without copying
   * ({@code from_blob}) and keeps the buffer alive only while its NDArray is open. Autograd saves
   * the scalar (MulBackward and DivBackward the other factor, MaximumBackward both operands), so
   * once the garbage collector frees the buffer, backward reads freed memory: a garbage or NaN
   * gradient after a finite loss, whenever a collection falls between forward and backward. An
   * array from {@link NDManager#full} is allocated by the engine itself, and closing its handle
   * leaves the tensor to autograd.
   */
  static NDArray mul(NDArray x, float value) {
    try (NDArray s = scalar(x, value)) {
      return x.mul(s);
    }
  }

  /** {@code max(x, value)}, safe under autograd (see {@link #mul(NDArray, float)}). */
  static NDArray maximum(NDArray x, float value) {
    try (NDArray s = scalar(x, value)) {
      return x.maximum(s);
    }
  }

  /** A float32 scalar on the device of {@code like}, in memory the engine allocated. */
  private static NDArray scalar(NDArray like, float value) {
    return like.getManager().full(new Shape(), value, DataType.FLOAT32, like.getDevice());
  }

  /**
   * {@code manager.create(data, shape)} copied into memory the engine owns, for constants of the
   * forward pass that autograd may keep after they are closed (see {@link #mul(NDArray, float)}).
   */
  static NDArray constant(NDManager manager, float[] data, Shape shape) {
    try (NDArray wrapped = manager.create(data, shape)) {
      return wrapped.duplicate();
    }
  }

  /** Sum over every axis but the first: {@code [B, ...] -> [B]}. */
  static NDArray sumPerSample(NDArray x) {
    return x.reshape(x.getShape().get(0), -1).sum(new int[] {1});
  }
}
