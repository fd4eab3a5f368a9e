package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An exponential moving average of a block's trained parameters, for evaluation.
 *
 * <p>{@link #update()} moves every average towards the live weight: {@code ema = ema + (1 - decay)
 * * (w - ema)} (the {@code lerp_} of {@code ema_pytorch}; equal to {@code decay * ema + (1 - decay)
 * * w}). The averages start as copies of the weights at construction. Parameters that are not
 * trained (e.g. batch-norm running statistics) are not averaged: evaluation with EMA weights uses
 * their live values, as {@code ema_pytorch} copies buffers.
 *
 * <p>{@link #swapIn()} exchanges the averages with the live weights in place (no extra copy is
 * kept) and returns a handle whose {@code close()} exchanges them back, so training continues on
 * the raw weights:
 *
 * <pre>{@code
 * try (WeightEma.Swap swap = ema.swapIn()) {
 *   evaluate(block); // runs with the averaged weights
 * }
 * float accuracy = ema.withAverages(() -> evaluate(block)); // the same, as one call
 * }</pre>
 */
public final class WeightEma implements AutoCloseable {

  private final double decay;
  private final Map<String, Parameter> parameters;
  private final Map<String, NDArray> averages = new LinkedHashMap<>();
  private final NDManager manager;
  private boolean swappedIn;

  /**
   * Starts an average of the trained parameters of an initialised {@code block}.
   *
   * @param block the model, initialised
   * @param decay the weight of the old average per update, in [0, 1] (e.g. 0.999)
   * @param parent the averages live in a sub-manager of it
   */
  public WeightEma(Block block, double decay, NDManager parent) {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1], got " + decay);
    }
    this.decay = decay;
    this.parameters = BlockParameters.trainable(block);
    this.manager = parent.newSubManager();
    manager.setName("weight-ema");
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      NDArray weight = e.getValue().getArray();
      NDArray copy = manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
      NDScope.unregister(copy);
      BlockParameters.copyInto(copy, weight);
      averages.put(e.getKey(), copy);
    }
  }

  /** The decay per update. */
  public double decay() {
    return decay;
  }

  /** Moves every average one step towards its live weight. */
  public void update() {
    checkNotSwapped("update");
    float weight = (float) (1 - decay); // rounded once from double, like a Python float
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (Map.Entry<String, NDArray> e : averages.entrySet()) {
        NDArray live = parameters.get(e.getKey()).getArray();
        NDArray average = e.getValue();
        average.addi(live.stopGradient().sub(average).muli(weight));
      }
    }
  }

  /**
   * The averages by parameter name, in block order (read-only map of live arrays owned by this
   * object; do not close them). While swapped in, they hold the raw weights instead.
   */
  public Map<String, NDArray> averages() {
    return Collections.unmodifiableMap(averages);
  }

  /**
   * Overwrites the averages with {@code values} (e.g. from a checkpoint). Every name of {@link
   * #averages()} must be present with the same shape and data type; nothing is changed otherwise.
   *
   * @throws IllegalArgumentException naming every missing or mismatched entry
   */
  public void load(Map<String, NDArray> values) {
    checkNotSwapped("load");
    StringBuilder problems = new StringBuilder();
    for (Map.Entry<String, NDArray> e : averages.entrySet()) {
      NDArray v = values.get(e.getKey());
      if (v == null) {
        problems.append("\n  missing EMA entry ").append(e.getKey());
      } else if (!v.getShape().equals(e.getValue().getShape())
          || v.getDataType() != e.getValue().getDataType()) {
        problems.append("\n  EMA entry ").append(e.getKey()).append(": expected ")
            .append(e.getValue().getDataType()).append(e.getValue().getShape())
            .append(", found ").append(v.getDataType()).append(v.getShape());
      }
    }
    if (problems.length() > 0) {
      throw new IllegalArgumentException("EMA values do not fit this model:" + problems);
    }
    averages.forEach((name, avg) -> BlockParameters.copyInto(avg, values.get(name)));
  }

  /** Restarts the averages from the block's current weights. */
  public void resetToWeights() {
    checkNotSwapped("resetToWeights");
    averages.forEach((name, avg) -> BlockParameters.copyInto(avg, parameters.get(name).getArray()));
  }

  /** Whether the averages are currently in the block. */
  public boolean isSwappedIn() {
    return swappedIn;
  }

  /**
   * Puts the averages into the block's parameters (and the raw weights into this object) until the
   * returned handle is closed.
   *
   * @throws IllegalStateException if already swapped in
   */
  public Swap swapIn() {
    checkNotSwapped("swapIn");
    exchange();
    swappedIn = true;
    return new Swap();
  }

  /**
   * Runs {@code evaluation} with the averages swapped in and restores the raw weights afterwards,
   * also when it throws.
   */
  public <T> T withAverages(Supplier<T> evaluation) {
    Swap swap = swapIn();
    try {
      return evaluation.get();
    } finally {
      swap.close();
    }
  }

  private void exchange() {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (Map.Entry<String, NDArray> e : averages.entrySet()) {
        NDArray weight = parameters.get(e.getKey()).getArray();
        NDArray raw = weight.duplicate();
        BlockParameters.copyInto(weight, e.getValue());
        BlockParameters.copyInto(e.getValue(), raw);
      }
    }
  }

  private void checkNotSwapped(String what) {
    if (swappedIn) {
      throw new IllegalStateException(what + " while the EMA weights are swapped in");
    }
  }

  /** Frees the averages (swapping the raw weights back first if needed). */
  @Override
  public void close() {
    if (swappedIn) {
      exchange();
      swappedIn = false;
    }
    manager.close();
  }

  /** A swapped-in state; {@link #close()} restores the raw weights. */
  public final class Swap implements AutoCloseable {
    private boolean open = true;

    private Swap() {}

    /** Restores the raw weights (idempotent). */
    @Override
    public void close() {
      if (open) {
        open = false;
        exchange();
        swappedIn = false;
      }
    }
  }
}
