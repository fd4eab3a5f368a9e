package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of float inputs held on the Java heap, row by row, for attacks whose bookkeeping per
 * example (which rows are fooled, best points, step sizes) is plain arithmetic.
 *
 * @param values the rows, concatenated
 * @param shape {@code [B, ...]}
 */
record HostBatch(float[] values, Shape shape) {

  static HostBatch of(NDArray x) {
    return new HostBatch(x.toFloatArray(), x.getShape());
  }

  int rows() {
    return (int) shape.get(0);
  }

  int rowSize() {
    return rows() == 0 ? 0 : values.length / rows();
  }

  /** The rows {@code idx}, in that order. */
  HostBatch rows(int[] idx) {
    int size = rowSize();
    float[] out = new float[idx.length * size];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(values, idx[i] * size, out, i * size, size);
    }
    long[] dims = shape.getShape().clone();
    dims[0] = idx.length;
    return new HostBatch(out, new Shape(dims));
  }

  /** Copies row {@code from} of {@code source} into row {@code to} of {@code target}. */
  void copyRow(float[] source, int from, float[] target, int to) {
    int size = rowSize();
    System.arraycopy(source, from * size, target, to * size, size);
  }

  /** {@code data} in this batch's shape, attached to {@code manager}. */
  NDArray toArray(float[] data, NDManager manager) {
    return manager.create(data, shape);
  }

  static int[] indicesOf(boolean[] flags, boolean value) {
    int n = 0;
    for (boolean f : flags) {
      n += f == value ? 1 : 0;
    }
    int[] out = new int[n];
    int j = 0;
    for (int i = 0; i < flags.length; i++) {
      if (flags[i] == value) {
        out[j++] = i;
      }
    }
    return out;
  }

  static int[] select(int[] v, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }
}
