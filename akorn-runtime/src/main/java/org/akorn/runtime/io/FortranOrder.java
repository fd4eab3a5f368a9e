package org.akorn.runtime.io;

/**
 * Column-major ({@code fortran_order: True}) array data rearranged row-major. NumPy writes a
 * transposed array, such as a PyTorch parameter made with {@code .transpose()}, in Fortran order.
 */
final class FortranOrder {
  private FortranOrder() {}

  /** The same elements in row-major order: element (i_0, ..., i_k) of {@code shape} keeps its bytes. */
  static byte[] toRowMajor(byte[] data, long[] shape, int itemSize) {
    int rank = shape.length;
    long[] columnStride = new long[rank];
    long stride = 1;
    for (int d = 0; d < rank; d++) {
      columnStride[d] = stride;
      stride *= shape[d];
    }
    byte[] out = new byte[data.length];
    long[] index = new long[rank];
    long count = data.length / itemSize;
    for (long row = 0; row < count; row++) {
      long from = 0;
      for (int d = 0; d < rank; d++) {
        from += index[d] * columnStride[d];
      }
      System.arraycopy(data, Math.toIntExact(from * itemSize), out, Math.toIntExact(row * itemSize), itemSize);
      for (int d = rank - 1; d >= 0; d--) {
        if (++index[d] < shape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    return out;
  }
}
