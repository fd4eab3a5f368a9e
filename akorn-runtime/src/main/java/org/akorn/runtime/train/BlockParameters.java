package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers to list a block's parameters by their stable names and to overwrite their values. */
public final class BlockParameters {

  private BlockParameters() {}

  /**
   * All parameters of an initialised block, in the block's (insertion) order, keyed by the
   * hierarchical name DJL gives them (the same names {@code Block.getParameters()} returns). A
   * parameter shared by several child blocks is listed once, under its first name.
   *
   * @throws IllegalStateException if a parameter is not initialised
   */
  public static Map<String, Parameter> all(Block block) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Pair<String, Parameter> pair : block.getParameters()) {
      Parameter p = pair.getValue();
      if (!seen.add(p)) {
        continue;
      }
      if (!p.isInitialized()) {
        throw new IllegalStateException(
            "parameter " + pair.getKey() + " is not initialised: call block.initialize(...) first");
      }
      out.put(pair.getKey(), p);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The parameters that are trained (those that require a gradient), in block order. */
  public static Map<String, Parameter> trainable(Block block) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    all(block).forEach((name, p) -> {
      if (p.requiresGradient()) {
        out.put(name, p);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** The arrays of the given parameters, in order. */
  public static List<NDArray> arrays(Map<String, Parameter> parameters) {
    List<NDArray> out = new ArrayList<>(parameters.size());
    parameters.values().forEach(p -> out.add(p.getArray()));
    return out;
  }

  /**
   * Copies {@code source} into {@code target} in place, bit for bit, without recording the copy
   * for autograd. The target keeps its identity, device and gradient flag, so blocks, optimizers
   * and parameter stores that hold it see the new values. Temporary arrays are closed here.
   *
   * @throws IllegalArgumentException if shapes or data types differ
   */
  public static void copyInto(NDArray target, NDArray source) {
    if (!target.getShape().equals(source.getShape())
        || target.getDataType() != source.getDataType()) {
      throw new IllegalArgumentException(
          "cannot copy " + source.getDataType() + source.getShape() + " into "
              + target.getDataType() + target.getShape());
    }
    NDArray onDevice = source.toDevice(target.getDevice(), false);
    try (NDArray view = target.stopGradient()) {
      view.set(new NDIndex("..."), onDevice);
    } finally {
      if (onDevice != source) {
        onDevice.close();
      }
    }
  }

  /**
   * Sets the gradient of a trained array to zero in place (exactly zero, also when it held NaN or
   * infinity). The PyTorch engine accumulates gradients across backward calls.
   */
  public static void zeroGradient(NDArray array) {
    if (array.hasGradient()) {
      try (NDArray grad = array.getGradient()) {
        grad.set(new NDIndex("..."), 0f);
      }
    }
  }
}
