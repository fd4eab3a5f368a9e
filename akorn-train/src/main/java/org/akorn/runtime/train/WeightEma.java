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
 * An exponential moving average of a block's weights for evaluation, with the semantics of {@code
 * ema_pytorch.EMA} ({@link EmaSettings}: {@code beta}, {@code update_after_step}, {@code
 * update_every} and the warm-up {@code inv_gamma}, {@code power}, {@code min_value}).
 *
 * <p>{@link #update()} is called once per training step. An update that acts either copies the
 * weights into the averages or moves every average towards its live value with PyTorch's {@code
 * lerp_} at weight {@code w = 1 - decay}: {@code ema + w * (x - ema)} for {@code w < 0.5}, else
 * {@code x - (1 - w) * (x - ema)}. As in ema_pytorch every floating-point parameter is averaged,
 * the batch-norm running statistics included (they are buffers there, averaged with the same
 * decay), so evaluation with the averages uses averaged statistics too; parameters that do not
 * change (e.g. a fixed natural frequency) stay as they are.
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

  private final EmaSettings settings;
  private final Map<String, Parameter> parameters;
  private final Map<String, NDArray> averages = new LinkedHashMap<>();
  private final NDManager manager;
  private boolean swappedIn;
  private long step;

  /**
   * Starts an average of the floating-point parameters of an initialised {@code block}; the
   * averages start as copies of the weights.
   *
   * @param block the model, initialised
   * @param settings when and how strongly to average
   * @param parent the averages live in a sub-manager of it
   */
  public WeightEma(Block block, EmaSettings settings, NDManager parent) {
    this.settings = settings;
    this.parameters = averaged(block);
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

  /**
   * An average with one decay at every update after the first ({@link EmaSettings#constant}).
   *
   * @param decay the weight of the old average per update, in [0, 1] (e.g. 0.999)
   */
  public WeightEma(Block block, double decay, NDManager parent) {
    this(block, EmaSettings.constant(decay), parent);
  }

  private static Map<String, Parameter> averaged(Block block) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    BlockParameters.all(block).forEach((name, p) -> {
      if (p.getArray().getDataType().isFloating()) {
        out.put(name, p);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** When and how strongly this average is updated. */
  public EmaSettings settings() {
    return settings;
  }

  /** How many updates have been called (ema_pytorch's {@code step}). */
  public long step() {
    return step;
  }

  /**
   * Sets the update count, e.g. when training resumes from a checkpoint at this step (the
   * averages themselves come from {@link #load}).
   */
  public void restoreStep(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("EMA step must not be negative, got " + value);
    }
    step = value;
  }

  /**
   * The decay the next update will use: 0 while it copies or when it does nothing, else the
   * warm-up's value.
   */
  public double nextDecay() {
    if (!settings.acts(step) || settings.copies(step)) {
      return 0;
    }
    return settings.decayAt(step);
  }

  /** One training step's update (see {@link EmaSettings} for what it does). */
  public void update() {
    checkNotSwapped("update");
    long s = step++;
    if (!settings.acts(s)) {
      return;
    }
    if (settings.copies(s)) {
      resetToWeights();
      return;
    }
    if (settings.beta() == 1) {
      return;
    }
    float weight = (float) (1 - settings.decayAt(s)); // as lerp_ receives 1 - decay
    float keep = 1f - weight;
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (Map.Entry<String, NDArray> e : averages.entrySet()) {
        NDArray live = parameters.get(e.getKey()).getArray().stopGradient();
        NDArray average = e.getValue();
        if (weight < 0.5f) {
          average.addi(live.sub(average).muli(weight));
        } else {
          BlockParameters.copyInto(average, live.sub(live.sub(average).muli(keep)));
        }
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

  /** Sets the averages to the block's current weights. */
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
