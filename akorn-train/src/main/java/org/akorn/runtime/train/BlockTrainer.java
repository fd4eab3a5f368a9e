package org.akorn.runtime.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains any initialised DJL {@link Block}: {@link #step} = zero gradients, forward, loss, backward,
 * clip by global norm, Adam, EMA update; it returns the loss.
 *
 * <pre>{@code
 * try (BlockTrainer trainer = BlockTrainer.builder(block, loss).optClipNorm(1f)
 *     .optEma(EmaSettings.of(0.99, 200, 10)).build(manager)) {
 *   float meanLoss = trainer.trainEpoch(dataset.getData(manager), progress);
 *   float accuracy = trainer.ema().orElseThrow().withAverages(() -> evaluate(block));
 * }
 * }</pre>
 *
 * <p>Every step runs inside an {@link NDScope}: all arrays it creates (activations, loss, gradient
 * handles, temporaries) are closed before {@code step} returns, so native memory does not grow with
 * the number of steps. During a step the parameters are temporarily attached to a step manager, so
 * the manager that owns the model may be capped ({@link NDManager#cap()}) to prove that nothing
 * new is attached to it. The caller keeps ownership of the batch arrays. One step at a time per
 * trainer (the PyTorch engine allows one open {@link GradientCollector} per process).
 */
public final class BlockTrainer implements AutoCloseable {

  private final Block block;
  private final TrainingLoss loss;
  private final Map<String, Parameter> parameters;
  private final Map<String, Parameter> trainable;
  private final Device device;
  private final String engineName;
  private final NDManager manager;
  private final ParameterStore parameterStore;
  private final AdamOptimizer adam;
  private final WeightEma ema;
  private final Float clipNorm;
  private long stepCount;
  private float lastGradientNorm = Float.NaN;

  private BlockTrainer(Builder b, NDManager manager) {
    this.block = b.block;
    this.loss = b.loss;
    this.parameters = BlockParameters.all(b.block);
    this.trainable = BlockParameters.trainable(b.block);
    this.device = manager.getDevice();
    this.engineName = manager.getEngine().getEngineName();
    this.manager = manager;
    this.parameterStore = new ParameterStore(manager, false);
    this.adam = b.adam.build(manager);
    trainable.forEach((name, p) -> adam.prepare(name, p.getArray()));
    this.ema = b.ema == null ? null : new WeightEma(b.block, b.ema, manager);
    this.clipNorm = b.clipNorm;
  }

  /** Starts a builder for an initialised {@code block} trained on {@code loss}. */
  public static Builder builder(Block block, TrainingLoss loss) {
    return new Builder(block, loss);
  }

  /** Called after every step of {@link #trainEpoch}. */
  @FunctionalInterface
  public interface StepListener {
    /**
     * @param step the trainer's step count after this step
     * @param loss the step's loss
     * @param gradientNorm the global gradient norm before clipping (NaN without clipping)
     */
    void onStep(long step, float loss, float gradientNorm);
  }

  /**
   * One step per batch, closing each batch after its step (as DJL's {@code EasyTrain} does).
   *
   * @param batches e.g. {@code dataset.getData(manager)}
   * @param listener told about every step (progress, logging); may be null
   * @return the mean loss over the batches (NaN when there were none)
   */
  public float trainEpoch(Iterable<Batch> batches, StepListener listener) {
    double sum = 0;
    int count = 0;
    for (Batch batch : batches) {
      float value;
      try (Batch owned = batch) {
        value = step(owned);
      }
      sum += value;
      count++;
      if (listener != null) {
        listener.onStep(stepCount, value, lastGradientNorm);
      }
    }
    return count == 0 ? Float.NaN : (float) (sum / count);
  }

  /** One training step on a DJL batch (data and labels). The batch is not closed. */
  public float step(Batch batch) {
    return step(batch.getData(), batch.getLabels());
  }

  /**
   * One training step.
   *
   * @param inputs the block's inputs
   * @param labels the loss's labels
   * @return the loss before the update
   * @throws IllegalStateException if the EMA weights are swapped in
   * @throws IllegalArgumentException if the loss has more than one element (nothing is updated)
   */
  public float step(NDList inputs, NDList labels) {
    if (ema != null && ema.isSwappedIn()) {
      throw new IllegalStateException("cannot train while the EMA weights are swapped in");
    }
    try (NDManager stepManager = NDManager.newBaseManager(device, engineName);
        NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      // Handles the engine makes for parameters (gradients, detached views) land in the step's
      // manager, so the model's manager may be capped; close() hands the parameters back.
      for (Parameter p : parameters.values()) {
        p.getArray().tempAttach(stepManager);
      }
      for (Parameter p : trainable.values()) {
        BlockParameters.zeroGradient(p.getArray());
      }
      float lossValue;
      try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
        NDList predictions = block.forward(parameterStore, inputs, true);
        NDArray value = loss.compute(predictions, labels);
        if (value.size() != 1) {
          throw new IllegalArgumentException(
              "the loss must have one element, got shape " + value.getShape());
        }
        collector.backward(value);
        lossValue = value.toType(DataType.FLOAT32, false).toFloatArray()[0];
      }
      List<NDArray> gradients = new ArrayList<>(trainable.size());
      for (Parameter p : trainable.values()) {
        gradients.add(p.getArray().getGradient());
      }
      if (clipNorm != null) {
        lastGradientNorm = GradientClipping.clipByGlobalNorm(gradients, clipNorm);
      }
      int i = 0;
      for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
        adam.update(e.getKey(), e.getValue().getArray(), gradients.get(i++));
      }
      if (ema != null) {
        ema.update();
      }
      stepCount++;
      return lossValue;
    }
  }

  /** How many steps this trainer has taken (plus the start count given to the builder). */
  public long stepCount() {
    return stepCount;
  }

  /** Sets the step count, e.g. after restoring the trainer's state from a checkpoint. */
  public void restoreStepCount(long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("step count must not be negative, got " + steps);
    }
    stepCount = steps;
    if (ema != null) {
      ema.restoreStep(steps);
    }
  }

  /** The global gradient norm before clipping in the last step (NaN without clipping). */
  public float lastGradientNorm() {
    return lastGradientNorm;
  }

  /** The EMA of the weights, if configured. */
  public Optional<WeightEma> ema() {
    return Optional.ofNullable(ema);
  }

  /** The optimizer. */
  public AdamOptimizer optimizer() {
    return adam;
  }

  /** The block being trained. */
  public Block block() {
    return block;
  }

  /** Frees the optimizer state and the EMA (restoring raw weights); the block stays open. */
  @Override
  public void close() {
    if (ema != null) {
      ema.close();
    }
    adam.close();
  }

  /** Options of {@link BlockTrainer}. */
  public static final class Builder {
    private final Block block;
    private final TrainingLoss loss;
    private AdamOptimizer.Builder adam = AdamOptimizer.builder();
    private Float clipNorm;
    private EmaSettings ema;
    private long startStep;

    private Builder(Block block, TrainingLoss loss) {
      this.block = block;
      this.loss = loss;
    }

    /** Adam settings (default: PyTorch's, lr 1e-3). */
    public Builder optAdam(AdamOptimizer.Builder value) {
      adam = value;
      return this;
    }

    /** Clip gradients to this global L2 norm (default: no clipping). */
    public Builder optClipNorm(float maxNorm) {
      clipNorm = maxNorm;
      return this;
    }

    /** Keep an EMA of the weights with this decay at every step (default: none). */
    public Builder optEmaDecay(double decay) {
      ema = EmaSettings.constant(decay);
      return this;
    }

    /** Keep an EMA of the weights with these settings (default: none). */
    public Builder optEma(EmaSettings settings) {
      ema = settings;
      return this;
    }

    /** The step count to start from, e.g. when resuming from a checkpoint (default 0). */
    public Builder optStartStep(long step) {
      startStep = step;
      return this;
    }

    /**
     * Builds the trainer; optimizer state and EMA live in sub-managers of {@code manager}.
     *
     * @throws IllegalStateException if the block is not initialised
     * @throws IllegalArgumentException for a non-positive clip norm, a bad decay or Adam setting
     */
    public BlockTrainer build(NDManager manager) {
      if (block == null || loss == null) {
        throw new IllegalArgumentException("block and loss are required");
      }
      if (!block.isInitialized()) {
        throw new IllegalStateException("initialise the block before training it");
      }
      if (clipNorm != null && !(clipNorm > 0f)) {
        throw new IllegalArgumentException("clip norm must be positive, got " + clipNorm);
      }
      if (startStep < 0) {
        throw new IllegalArgumentException("start step must not be negative, got " + startStep);
      }
      BlockTrainer trainer = new BlockTrainer(this, manager);
      trainer.restoreStepCount(startStep);
      return trainer;
    }
  }
}
