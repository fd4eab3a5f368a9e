package org.akorn.runtime.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An explicit mapping from reference {@code state_dict} keys to DJL parameters, plus the keys that
 * are deliberately ignored (with a reason). Several keys may target the same parameter (a module
 * shared under two names, like the classification model's transition conv); their tensors must
 * then be identical.
 */
public final class WeightMapping {
  private final Map<String, Parameter> targets;
  private final Map<String, String> ignored;

  private WeightMapping(Builder b) {
    this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(b.targets));
    this.ignored = Collections.unmodifiableMap(new LinkedHashMap<>(b.ignored));
  }

  /** Reference key to parameter, in insertion order. */
  public Map<String, Parameter> targets() {
    return targets;
  }

  /** Ignored reference key to the reason. */
  public Map<String, String> ignored() {
    return ignored;
  }

  /**
   * Copies every mapped tensor of {@code stateDict} into its parameter (parameters must be
   * initialised). Nothing is changed unless every check passes.
   *
   * @throws WeightImportException listing every missing, unexpected, wrongly shaped and
   *     inconsistent tied tensor
   */
  public void importFrom(StateDict stateDict) {
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> wrongShape = new ArrayList<>();
    List<String> inconsistent = new ArrayList<>();
    Map<Parameter, String> firstKey = new IdentityHashMap<>();
    for (Map.Entry<String, Parameter> e : targets.entrySet()) {
      String key = e.getKey();
      Parameter p = e.getValue();
      if (!p.isInitialized()) {
        throw new IllegalStateException(
            "parameter for '" + key + "' is not initialised; initialise the block first");
      }
      NDArray src = stateDict.get(key);
      Shape expected = p.getArray().getShape();
      if (src == null) {
        missing.add(key + " (model shape " + expected + ")");
        continue;
      }
      if (!src.getShape().equals(expected)) {
        wrongShape.add(key + ": reference " + src.getShape() + ", model " + expected);
        continue;
      }
      String first = firstKey.putIfAbsent(p, key);
      if (first != null) {
        NDArray other = stateDict.get(first);
        if (other != null && !other.toType(DataType.FLOAT32, false).contentEquals(
            src.toType(DataType.FLOAT32, false))) {
          inconsistent.add(key + " differs from " + first + " (same model parameter)");
        }
      }
    }
    for (String key : stateDict.keys()) {
      if (!targets.containsKey(key) && !ignored.containsKey(key)) {
        unexpected.add(key + " (shape " + stateDict.get(key).getShape() + ")");
      }
    }
    if (!missing.isEmpty()
        || !unexpected.isEmpty()
        || !wrongShape.isEmpty()
        || !inconsistent.isEmpty()) {
      throw new WeightImportException(missing, unexpected, wrongShape, inconsistent);
    }
    for (Map.Entry<Parameter, String> e : firstKey.entrySet()) {
      NDArray target = e.getKey().getArray();
      NDArray src = stateDict.get(e.getValue());
      NDArray value = src.toType(target.getDataType(), false).toDevice(target.getDevice(), false);
      target.set(value.toByteBuffer());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects keys; duplicate keys are rejected, duplicate targets allowed (tied modules). */
  public static final class Builder {
    private final Map<String, Parameter> targets = new LinkedHashMap<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();

    /** Maps one reference key to a parameter. */
    public Builder map(String key, Parameter parameter) {
      if (targets.containsKey(key) || ignored.containsKey(key)) {
        throw new IllegalArgumentException("reference key mapped twice: " + key);
      }
      targets.put(key, parameter);
      return this;
    }

    /** Declares a reference key that is present but deliberately not imported. */
    public Builder ignore(String key, String reason) {
      if (targets.containsKey(key) || ignored.containsKey(key)) {
        throw new IllegalArgumentException("reference key mapped twice: " + key);
      }
      ignored.put(key, reason);
      return this;
    }

    /** Adds every reference key of {@code block} under {@code prefix}. */
    public Builder add(String prefix, ReferenceKeys block) {
      block.collectReferenceKeys(prefix, this);
      return this;
    }

    public WeightMapping build() {
      return new WeightMapping(this);
    }
  }
}
