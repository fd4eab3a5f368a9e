package org.akorn.runtime.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One validated NumPy array: its name ({@code null} for a bare {@code .npy} file), type, shape and
 * little-endian data (exactly {@code elementCount * itemSize} bytes).
 */
public record NpyArray(String name, DataType type, long[] shape, byte[] data) {

  /** The shape as Python prints it, e.g. {@code (3, 4)}. */
  public String shapeText() {
    return NpyHeader.shapeText(shape);
  }

  /** How many NaN or infinite values a floating-point array holds (0 for other types). */
  public long nonFiniteCount() {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    long count = 0;
    if (type == DataType.FLOAT32) {
      for (int i = 0; i + 4 <= data.length; i += 4) {
        count += Float.isFinite(b.getFloat(i)) ? 0 : 1;
      }
    } else if (type == DataType.FLOAT64) {
      for (int i = 0; i + 8 <= data.length; i += 8) {
        count += Double.isFinite(b.getDouble(i)) ? 0 : 1;
      }
    } else if (type == DataType.FLOAT16) {
      for (int i = 0; i + 2 <= data.length; i += 2) {
        count += (b.getShort(i) & 0x7c00) == 0x7c00 ? 1 : 0;
      }
    }
    return count;
  }

  /** Copies the array into {@code manager}, named like this array. */
  public NDArray toNDArray(NDManager manager) {
    ByteBuffer buffer = manager.allocateDirect(data.length);
    buffer.put(data);
    buffer.rewind();
    NDArray array = manager.create(buffer, new Shape(shape), type);
    if (name != null) {
      array.setName(name);
    }
    return array;
  }
}
