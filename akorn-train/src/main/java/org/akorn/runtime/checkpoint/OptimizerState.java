package org.akorn.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.akorn.runtime.train.AdamOptimizer;
import org.akorn.runtime.train.BlockParameters;

/** Maps Adam's per-parameter state to the named arrays of {@code optimizer.npz}. */
final class OptimizerState {

  private static final String MEAN = "/exp_avg";
  private static final String VARIANCE = "/exp_avg_sq";
  private static final String STEP = "/step";

  private OptimizerState() {}

  /** The state of every trained parameter (zeros and step 0 before its first update). */
  static Map<String, NDArray> export(Block block, AdamOptimizer adam, NDManager scratch) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : BlockParameters.trainable(block).entrySet()) {
      String name = e.getKey();
      NDArray weight = e.getValue().getArray();
      AdamOptimizer.Moments m =
          adam.state(name)
              .orElseGet(() -> new AdamOptimizer.Moments(
                  scratch.zeros(weight.getShape(), weight.getDataType()),
                  scratch.zeros(weight.getShape(), weight.getDataType()), 0));
      out.put(name + MEAN, m.mean());
      out.put(name + VARIANCE, m.variance());
      out.put(name + STEP, scratch.create((long) m.step()));
    }
    return out;
  }

  /** Arrays with the names, shapes and data types {@code optimizer.npz} must hold. */
  static Map<String, NDArray> template(Block block, NDManager scratch) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, Parameter> e : BlockParameters.trainable(block).entrySet()) {
      NDArray weight = e.getValue().getArray();
      out.put(e.getKey() + MEAN, weight);
      out.put(e.getKey() + VARIANCE, weight);
      out.put(e.getKey() + STEP, scratch.create(0L));
    }
    return out;
  }

  /** Puts validated state (see {@link #template}) into the optimizer. */
  static void restore(Block block, AdamOptimizer adam, Map<String, NDArray> stored) {
    for (Map.Entry<String, Parameter> e : BlockParameters.trainable(block).entrySet()) {
      String name = e.getKey();
      adam.restore(name, e.getValue().getArray(), stored.get(name + MEAN),
          stored.get(name + VARIANCE), Math.toIntExact(stored.get(name + STEP).getLong()));
    }
  }
}
