package org.akorn.spark;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Reads a row's input, an {@code array<float>} or an encoded image ({@code binary}), and checks
 * it: present, of the declared size, finite.
 */
final class RowInputs {
  private RowInputs() {}

  static float[] values(Row row, int index, Shape shape, String column, boolean encodedImage) {
    if (row.isNullAt(index)) {
      throw new BadRowException(column + " is null");
    }
    if (encodedImage) {
      return EncodedImages.decode((byte[]) row.get(index), shape, column);
    }
    List<Object> list = row.getList(index);
    long expected = shape.size();
    if (list.size() != expected) {
      throw new BadRowException(column + " has " + list.size() + " values; the model expects "
          + expected + " (" + shape + ")");
    }
    float[] values = new float[list.size()];
    int nonFinite = 0;
    int first = -1;
    for (int i = 0; i < values.length; i++) {
      Object v = list.get(i);
      if (v == null) {
        throw new BadRowException(column + " has a null at index " + i);
      }
      values[i] = (Float) v;
      if (!Float.isFinite(values[i])) {
        nonFinite++;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (nonFinite > 0) {
      throw new BadRowException(column + " has " + nonFinite + " NaN or infinite value"
          + (nonFinite == 1 ? "" : "s") + " (first at index " + first + ")");
    }
    return values;
  }
}
