package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
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

  /** Sum over every axis but the first: {@code [B, ...] -> [B]}. */
  static NDArray sumPerSample(NDArray x) {
    return x.reshape(x.getShape().get(0), -1).sum(new int[] {1});
  }
}
