package org.akorn.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled examples held in memory: one {@link Column} per model input (named after it) and the
 * {@code label} column. Readers ({@link IdxReader}, {@link Cifar10Reader}, {@link NpzReader},
 * {@link SudokuCsvReader}) make them; {@link DataFolder} finds the training and test split of a
 * folder.
 *
 * @param source where the examples came from (for messages)
 * @param inputs one column per model input, in the model's order
 * @param labels the {@code label} column
 */
public record Dataset(String source, List<Column> inputs, Column labels) {

  public Dataset {
    inputs = List.copyOf(inputs);
    for (Column c : inputs) {
      if (c.size() != labels.size()) {
        throw new IllegalArgumentException(source + ": " + c.name() + " has " + c.size()
            + " examples but there are " + labels.size() + " labels");
      }
    }
  }

  /** Number of examples. */
  public int size() {
    return labels.size();
  }

  /** The model inputs of the examples {@code indices}, by input name. */
  public Map<String, NDArray> inputs(NDManager manager, int[] indices) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Column c : inputs) {
      out.put(c.name(), c.batch(manager, indices));
    }
    return out;
  }

  /** The labels of the examples {@code indices}. */
  public NDArray labels(NDManager manager, int[] indices) {
    return labels.batch(manager, indices);
  }

  /** Examples {@code from} (inclusive) to {@code to} (exclusive). */
  public Dataset slice(int from, int to) {
    if (from < 0 || to > size() || from > to) {
      throw new IllegalArgumentException("slice " + from + ".." + to + " of " + size() + " examples");
    }
    List<Column> parts = new ArrayList<>();
    for (Column c : inputs) {
      parts.add(c.slice(from, to));
    }
    return new Dataset(source, parts, labels.slice(from, to));
  }

  /**
   * Checks the data against the inputs a model declares (shape of one example, by name).
   *
   * @throws DataFormatException e.g. {@code image: model expects [1, 28, 28], data has [3, 32,
   *     32]}, or a model input the data lacks
   */
  public void checkAgainst(Map<String, Shape> declared) throws DataFormatException {
    Map<String, Column> byName = new LinkedHashMap<>();
    inputs.forEach(c -> byName.put(c.name(), c));
    for (Map.Entry<String, Shape> e : declared.entrySet()) {
      Column c = byName.get(e.getKey());
      if (c == null) {
        throw new DataFormatException(source + " has no input '" + e.getKey()
            + "' for the model (it has " + byName.keySet() + ")");
      }
      if (!c.exampleShape().equals(e.getValue())) {
        throw new DataFormatException(e.getKey() + ": model expects " + dims(e.getValue())
            + ", data has " + dims(c.exampleShape()));
      }
    }
  }

  /** {@code [1, 28, 28]}. */
  static String dims(Shape shape) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < shape.dimension(); i++) {
      b.append(i == 0 ? "" : ", ").append(shape.get(i));
    }
    return b.append(']').toString();
  }
}
