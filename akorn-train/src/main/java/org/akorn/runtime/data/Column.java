package org.akorn.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * One named array of a data set: {@code size} examples, each shaped {@code exampleShape}, held
 * as floats in row-major order and handed out as the column's {@link DataType} (integer values
 * are exact up to 2^24).
 *
 * @param name the model input it feeds, or {@code label}
 * @param exampleShape the shape of one example (no batch axis)
 * @param type the element type of the arrays a batch gets
 * @param values {@code size * exampleShape.size()} values
 */
public record Column(String name, Shape exampleShape, DataType type, float[] values) {

  public Column {
    Objects.requireNonNull(name, "name");
    long per = exampleShape.size();
    if (per < 1 || values.length % per != 0) {
      throw new IllegalArgumentException(name + ": " + values.length
          + " values do not make whole examples of shape " + exampleShape);
    }
  }

  /** Number of examples. */
  public int size() {
    return (int) (values.length / exampleShape.size());
  }

  /** The examples {@code indices} stacked as {@code [indices.length, exampleShape...]}. */
  public NDArray batch(NDManager manager, int[] indices) {
    int per = (int) exampleShape.size();
    float[] out = new float[indices.length * per];
    for (int b = 0; b < indices.length; b++) {
      System.arraycopy(values, indices[b] * per, out, b * per, per);
    }
    Shape shape = new Shape(indices.length).addAll(exampleShape);
    NDArray floats = manager.create(out, shape);
    if (type == DataType.FLOAT32) {
      return floats;
    }
    NDArray typed = floats.toType(type, false);
    floats.close();
    return typed;
  }

  /** Examples {@code from} (inclusive) to {@code to} (exclusive). */
  public Column slice(int from, int to) {
    int per = (int) exampleShape.size();
    float[] part = new float[(to - from) * per];
    System.arraycopy(values, from * per, part, 0, part.length);
    return new Column(name, exampleShape, type, part);
  }

  /** The value of one example's first element (e.g. the class of a scalar label). */
  public float first(int example) {
    return values[example * (int) exampleShape.size()];
  }
}
