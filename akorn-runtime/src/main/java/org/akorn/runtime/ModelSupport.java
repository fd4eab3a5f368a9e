package org.akorn.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.nn.KuramotoResult;

/**
 * Small helpers the generated model classes call: input checks with one clear message, the
 * stacking of per-step states and energies into single arrays, the check of call-time steps, and
 * building a model from a checkpoint.
 */
public final class ModelSupport {
  private ModelSupport() {}

  /** The element kind an input must have. */
  public enum ElementKind {
    /** Any integer type (int8 ... int64, uint8). */
    INT("int"),
    /** Boolean. */
    BOOL("bool"),
    /** float32. */
    FLOAT("float32");

    private final String label;

    ElementKind(String label) {
      this.label = label;
    }

    boolean accepts(DataType t) {
      return switch (this) {
        case INT -> t == DataType.INT8 || t == DataType.INT32 || t == DataType.INT64
            || t == DataType.UINT8;
        case BOOL -> t == DataType.BOOLEAN;
        case FLOAT -> t == DataType.FLOAT32;
      };
    }
  }

  /**
   * Checks that {@code array} is {@code [B, dims...]} of the given kind.
   *
   * @return the array
   * @throws IllegalArgumentException e.g. {@code digits: expected [B, 9, 9] int, got [B, 9, 8] float32}
   */
  public static NDArray checkInput(String name, NDArray array, ElementKind kind, long... dims) {
    if (array == null) {
      throw new IllegalArgumentException("missing input '" + name + "'");
    }
    long[] actual = array.getShape().getShape();
    boolean shapeOk = actual.length == dims.length + 1;
    for (int i = 0; shapeOk && i < dims.length; i++) {
      shapeOk = actual[i + 1] == dims[i];
    }
    if (!shapeOk || !kind.accepts(array.getDataType())) {
      StringJoiner expected = new StringJoiner(", ", "[", "]").add("B");
      for (long d : dims) {
        expected.add(Long.toString(d));
      }
      StringJoiner got = new StringJoiner(", ", "[", "]");
      for (int i = 0; i < actual.length; i++) {
        got.add(i == 0 ? "B" : Long.toString(actual[i]));
      }
      throw new IllegalArgumentException(
          name + ": expected " + expected + " " + kind.label + ", got " + got + " "
              + array.getDataType());
    }
    return array;
  }

  /**
   * The input named {@code name}; rejects names the model does not declare and missing inputs.
   */
  public static NDArray require(Map<String, NDArray> inputs, String name, List<String> declared) {
    for (String key : inputs.keySet()) {
      if (!declared.contains(key)) {
        throw new IllegalArgumentException(
            "unknown input '" + key + "'; the model takes " + declared);
      }
    }
    NDArray a = inputs.get(name);
    if (a == null) {
      throw new IllegalArgumentException(
          "missing input '" + name + "'; the model takes " + declared);
    }
    return a;
  }

  /** Every state of one layer stacked as {@code [T, B, ...]}. */
  public static NDArray states(KuramotoResult layer) {
    return NDArrays.stack(new NDList(layer.states()));
  }

  /**
   * Energies stacked: {@code [T+1, B]} for one layer, {@code [L, T+1, B]} for several (all with
   * the same number of steps).
   */
  public static NDArray energies(List<KuramotoResult> layers) {
    if (layers.size() == 1) {
      return NDArrays.stack(new NDList(layers.get(0).energies()));
    }
    List<NDArray> perLayer = new ArrayList<>();
    for (KuramotoResult r : layers) {
      if (r.energies().size() != layers.get(0).energies().size()) {
        throw new IllegalArgumentException(
            "the energies output stacks every layer, so every layer needs the same number of steps;"
                + " run with RunOptions.withSteps(T) or read each layer's energies from layers()");
      }
      perLayer.add(NDArrays.stack(new NDList(r.energies())));
    }
    return NDArrays.stack(new NDList(perLayer));
  }

  /** Parses an integer list as {@code List.toString} writes it ({@code [5, 3, 3]}). */
  public static List<Integer> parseIntList(String text) {
    String t = text.strip();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      throw new IllegalArgumentException("not an integer list: " + text);
    }
    String inner = t.substring(1, t.length() - 1).strip();
    List<Integer> out = new ArrayList<>();
    if (!inner.isEmpty()) {
      for (String part : inner.split(",")) {
        out.add(Integer.parseInt(part.strip()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Checks Kuramoto steps given instead of the declared ones: null (keep the declared), one value
   * for every layer, or one per layer; none negative.
   *
   * @throws IllegalArgumentException e.g. {@code steps: expected 1 or 3 values, got 2}
   */
  public static void checkSteps(int[] steps, int layers) {
    if (steps == null) {
      return;
    }
    if (steps.length != 1 && steps.length != layers) {
      throw new IllegalArgumentException(layers == 1
          ? "steps: expected 1 value, got " + steps.length
          : "steps: expected 1 or " + layers + " values, got " + steps.length);
    }
    for (int t : steps) {
      if (t < 0) {
        throw new IllegalArgumentException("steps must not be negative, got " + t);
      }
    }
  }

  /**
   * The metadata of a checkpoint that must belong to {@code modelName}.
   *
   * @throws IllegalArgumentException for a checkpoint of another model
   */
  public static CheckpointMetadata checkpointMetadata(Path file, String modelName)
      throws IOException {
    CheckpointMetadata meta = Checkpoints.readMetadata(file);
    if (!modelName.equals(meta.architecture())) {
      throw new IllegalArgumentException(
          file + " is a checkpoint of " + meta.architecture() + ", not of " + modelName);
    }
    return meta;
  }

  /** Calls {@code set} with the value of {@code name} when {@code values} has one. */
  public static void ifPresent(Map<String, String> values, String name,
      java.util.function.Consumer<String> set) {
    String v = values.get(name);
    if (v != null) {
      set.accept(v);
    }
  }

  /** Loads {@code file} into a freshly built {@code model}; closes the model if that fails. */
  public static <M extends AkornModel> M loadOrClose(M model, Path file) throws IOException {
    try {
      model.loadCheckpoint(file);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
    return model;
  }
}
