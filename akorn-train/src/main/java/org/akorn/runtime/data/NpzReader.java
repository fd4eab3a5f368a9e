package org.akorn.runtime.data;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.NpyArray;
import org.akorn.runtime.io.NpzFiles;

/**
 * Reads a NumPy {@code .npz} archive (as {@code numpy.savez} writes it) into one {@link Column}
 * per array, named after the array, with the leading axis as the example axis. Parsing and
 * validation are {@link NpzFiles}'s, the one reader of NumPy files (weights, inputs, checkpoints
 * and data): every header is checked against the bytes that follow before anything is allocated.
 * Element types: float16/32/64 (read as float32 columns), int8/16/32, uint8 (int32 columns), int64
 * and bool.
 */
public final class NpzReader {
  private NpzReader() {}

  /** Reads every array of the archive, in archive order. */
  public static List<Column> read(Path file) throws DataFormatException {
    List<NpyArray> arrays;
    try {
      arrays = NpzFiles.read(file);
    } catch (BadFileException e) {
      throw new DataFormatException(e.getMessage());
    }
    List<Column> columns = new ArrayList<>(arrays.size());
    for (NpyArray a : arrays) {
      if (a.name() == null) {
        throw DataFormatException.of(file, "is a single .npy array; data sets are .npz archives"
            + " of named arrays (numpy.savez(file, image=..., label=...))");
      }
      columns.add(column(file, a));
    }
    if (columns.isEmpty()) {
      throw DataFormatException.of(file, "holds no arrays");
    }
    return columns;
  }

  private static Column column(Path file, NpyArray a) throws DataFormatException {
    String where = "array '" + a.name() + "'";
    long[] dims = a.shape();
    if (dims.length == 0) {
      throw DataFormatException.of(file, where + " is a scalar; data arrays have a leading"
          + " example axis");
    }
    long count = 1;
    for (long d : dims) {
      count *= d;
      if (count > Integer.MAX_VALUE - 16) {
        throw DataFormatException.of(file, where + " declares more than 2^31 values");
      }
    }
    long[] example = new long[dims.length - 1];
    System.arraycopy(dims, 1, example, 0, example.length);
    return new Column(a.name(), new Shape(example), columnType(a.type()), floats(a, (int) count));
  }

  private static DataType columnType(DataType type) {
    return switch (type) {
      case FLOAT16, FLOAT32, FLOAT64 -> DataType.FLOAT32;
      case INT64 -> DataType.INT64;
      case BOOLEAN -> DataType.BOOLEAN;
      default -> DataType.INT32;
    };
  }

  /** The array's values as floats (int64 values beyond 2^24 round as float does). */
  private static float[] floats(NpyArray a, int count) {
    ByteBuffer b = ByteBuffer.wrap(a.data()).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[count];
    for (int i = 0; i < count; i++) {
      v[i] = switch (a.type()) {
        case FLOAT16 -> halfToFloat(b.getShort(i * 2));
        case FLOAT32 -> b.getFloat(i * 4);
        case FLOAT64 -> (float) b.getDouble(i * 8);
        case INT8 -> b.get(i);
        case UINT8, BOOLEAN -> b.get(i) & 0xff;
        case INT16 -> b.getShort(i * 2);
        case INT32 -> b.getInt(i * 4);
        case INT64 -> b.getLong(i * 8);
        default -> throw new IllegalStateException("unexpected element type " + a.type());
      };
    }
    return v;
  }

  /** IEEE 754 binary16 to float, exactly (subnormals, infinities and NaN included). */
  static float halfToFloat(short h) {
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f; // subnormal (or zero): mantissa * 2^-24
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }
}
