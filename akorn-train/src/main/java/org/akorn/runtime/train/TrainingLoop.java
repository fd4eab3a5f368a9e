package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.checkpoint.ModelSource;
import org.akorn.runtime.checkpoint.TrainingCheckpoints;

/**
 * The one training loop: Adam, clipping by the global gradient norm, an EMA of the weights
 * ({@link EmaSettings}), fresh initial noise every step, periodic validation of both the EMA and
 * the live weights, a progress bar, snapshots of the training state with recovery from non-finite
 * steps, and atomic checkpoints. Training stops after a time budget or a number of steps,
 * whichever comes first; validation pauses the clock.
 *
 * <p>The run folder receives {@code model.ckpt} (the EMA weights, with the model's source when
 * given, so the checkpoint alone rebuilds the model) at every validation and at the end, and
 * {@code train-state.ckpt} (raw weights, EMA and Adam state) with every snapshot. Afterwards the
 * model holds the EMA weights.
 */
public final class TrainingLoop {

  /**
   * Training settings.
   *
   * @param batchSize examples per step
   * @param learningRate Adam's learning rate
   * @param clipNorm global gradient-norm clip
   * @param ema when and how strongly the weights are averaged
   * @param seed seed of the per-step initial noise
   * @param seconds training-time budget (0 = none)
   * @param maxSteps step budget (0 = none)
   * @param validateEverySeconds training time between validations (0 = only at the end)
   */
  public record Config(int batchSize, float learningRate, float clipNorm, EmaSettings ema,
      long seed, double seconds, long maxSteps, double validateEverySeconds) {
    /** Settings with one EMA decay at every step ({@link EmaSettings#constant}). */
    public Config(int batchSize, float learningRate, float clipNorm, double emaDecay, long seed,
        double seconds, long maxSteps, double validateEverySeconds) {
      this(batchSize, learningRate, clipNorm, EmaSettings.constant(emaDecay), seed, seconds,
          maxSteps, validateEverySeconds);
    }

    public Config {
      if (ema == null) {
        throw new IllegalArgumentException("EMA settings are required");
      }
      if (seconds <= 0 && maxSteps <= 0) {
        throw new IllegalArgumentException("give a time budget or a number of steps");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
      }
    }
  }

  /**
   * One training batch.
   *
   * @param inputs the model's inputs by name, each {@code [B, ...]}
   * @param labels the loss's labels
   * @param examples B
   * @param steps the Kuramoto steps of this step, or null for the declared T
   */
  public record Batch(Map<String, NDArray> inputs, NDArray labels, int examples, Integer steps) {}

  /** Where the batches come from. */
  public interface BatchSource {
    /** The next batch of {@code size} examples, its arrays attached to {@code manager}. */
    Batch next(NDManager manager, int size);

    /** What one example is called in the progress line (e.g. {@code images}). */
    default String unit() {
      return "examples";
    }
  }

  /** A periodic validation, run on the EMA weights and on the live weights. */
  public interface Validation {
    /** What the score measures, e.g. {@code validation accuracy}. */
    String name();

    /** The score, in [0, 1], of {@code model} as it is now. */
    double evaluate(AkornModel model);
  }

  /**
   * One periodic validation.
   *
   * @param score the EMA weights' score (those saved in {@code model.ckpt})
   * @param liveScore the live (trained, not averaged) weights' score
   */
  public record Evaluation(long step, double trainSeconds, float loss, double score,
      double liveScore) {}

  /**
   * What training did.
   *
   * @param steps optimizer steps taken
   * @param examples examples seen
   * @param trainSeconds wall time spent in training steps (validations excluded)
   * @param evalSeconds wall time spent in validations and checkpoints
   * @param finalLoss the last step's loss
   * @param recoveries non-finite steps undone by restoring a snapshot
   * @param losses the loss of every step
   * @param evaluations the periodic validations
   * @param scoreBeforeReestimation the EMA weights' last score before their batch-norm
   *     statistics were re-estimated (NaN when they were not)
   */
  public record Summary(long steps, long examples, double trainSeconds, double evalSeconds,
      float finalLoss, int recoveries, float[] losses, List<Evaluation> evaluations,
      double scoreBeforeReestimation) {}

  /** Training seconds between snapshots of the training state (for recovering from NaN). */
  public static final double SNAPSHOT_SECONDS = 10;
  static final int MAX_RECOVERIES = 20;
  static final String MODEL_FILE = "model.ckpt";
  static final String STATE_FILE = "train-state.ckpt";

  private final Config config;
  private final PrintWriter log;
  private final boolean interactive;
  private int reestimationBatches;

  public TrainingLoop(Config config, PrintWriter log, boolean interactive) {
    this.config = config;
    this.log = log;
    this.interactive = interactive;
  }

  /**
   * After the last step, re-estimates the batch-norm statistics of the EMA weights on this many
   * training batches ({@link BatchNormEstimation}) before the last validation and checkpoint
   * (default 0: the averaged statistics are kept, as ema_pytorch keeps them).
   */
  public TrainingLoop withBatchNormReestimation(int batches) {
    if (batches < 0) {
      throw new IllegalArgumentException("re-estimation batches must not be negative, got "
          + batches);
    }
    reestimationBatches = batches;
    return this;
  }

  /**
   * Trains {@code model} in place.
   *
   * @param loss the loss of the model's head output against the batch's labels
   * @param validation run every {@code validateEverySeconds} and at the end; may be null
   * @param source the model's source, embedded in {@code model.ckpt}; may be null
   */
  public Summary train(AkornModel model, TrainingLoss loss, BatchSource batches,
      Validation validation, Path runDir, ModelSource source) throws IOException {
    Files.createDirectories(runDir);
    TrainableModel block = new TrainableModel(model);
    ProgressBar bar = new ProgressBar(log, interactive);
    List<Evaluation> evaluations = new ArrayList<>();
    FloatList losses = new FloatList();
    double trainNanos = 0;
    double evalNanos = 0;
    double nextEval = config.validateEverySeconds() > 0
        ? config.validateEverySeconds() : Double.MAX_VALUE;
    double lossAverage = Double.NaN;
    float lastLoss = Float.NaN;
    long examples = 0;
    int recoveries = 0;
    double beforeReestimation = Double.NaN;
    CheckpointMetadata meta = CheckpointMetadata.of(model.modelName(), model.hyperParameters(), 0)
        .withSource(source);
    try (BlockTrainer trainer = BlockTrainer.builder(block, loss)
        .optAdam(AdamOptimizer.builder().optLearningRate(config.learningRate()))
        .optClipNorm(config.clipNorm())
        .optEma(config.ema())
        .build(model.manager())) {
      WeightEma ema = trainer.ema().orElseThrow();
      Path state = runDir.resolve(STATE_FILE);
      TrainingCheckpoints.save(state, trainer, meta);
      double nextSnapshot = SNAPSHOT_SECONDS;
      while (!done(trainer.stepCount(), trainNanos / 1e9)) {
        long t0 = System.nanoTime();
        int size;
        try (NDManager m = model.manager().newSubManager()) {
          Batch batch = batches.next(m, config.batchSize());
          size = batch.examples();
          block.setSteps(batch.steps());
          block.setSeed(config.seed() * 1_000_003L + trainer.stepCount());
          NDList inputs = new NDList();
          for (String name : model.inputNames()) {
            inputs.add(batch.inputs().get(name));
          }
          lastLoss = trainer.step(inputs, new NDList(batch.labels()));
        }
        if (!Float.isFinite(lastLoss) || !Float.isFinite(trainer.lastGradientNorm())) {
          // A non-finite loss or gradient norm has already spoilt the weights (clipping by a NaN
          // norm): go back to the last snapshot and carry on with the next batch.
          recoveries++;
          if (recoveries > MAX_RECOVERIES) {
            throw new IllegalStateException("training diverged: " + recoveries
                + " non-finite steps; last loss " + lastLoss);
          }
          long bad = trainer.stepCount();
          float badNorm = trainer.lastGradientNorm();
          TrainingCheckpoints.resume(state, trainer, model.modelName(), model.hyperParameters());
          bar.message(String.format(Locale.ROOT, "  step %d: loss %s, gradient norm %s;"
              + " restored the snapshot of step %d", bad, lastLoss, badNorm, trainer.stepCount()));
          trainNanos += System.nanoTime() - t0;
          continue;
        }
        losses.add(lastLoss);
        if (trainNanos / 1e9 >= nextSnapshot) {
          TrainingCheckpoints.save(state, trainer, meta);
          nextSnapshot = trainNanos / 1e9 + SNAPSHOT_SECONDS;
        }
        trainNanos += System.nanoTime() - t0;
        examples += size;
        lossAverage = Double.isNaN(lossAverage) ? lastLoss : 0.98 * lossAverage + 0.02 * lastLoss;
        double seconds = trainNanos / 1e9;
        String status = status(trainer.stepCount(), seconds, lossAverage, examples, batches.unit());
        bar.update(fraction(trainer.stepCount(), seconds), status, false);
        boolean last = done(trainer.stepCount(), seconds);
        if (seconds >= nextEval || last) {
          long e0 = System.nanoTime();
          if (last && reestimationBatches > 0
              && !BatchNormEstimation.layers(block).isEmpty()) {
            beforeReestimation = validation == null ? Double.NaN
                : ema.withAverages(() -> validation.evaluate(model));
            long[] pass = {trainer.stepCount()};
            try (WeightEma.Swap swap = ema.swapIn()) {
              // The re-estimated statistics go back into the averages when the swap closes.
              BatchNormEstimation.reestimate(block, reestimationBatches, m -> {
                Batch batch = batches.next(m, config.batchSize());
                block.setSteps(batch.steps());
                block.setSeed(config.seed() * 1_000_003L + pass[0]++);
                NDList inputs = new NDList();
                for (String name : model.inputNames()) {
                  inputs.add(batch.inputs().get(name));
                }
                return inputs;
              }, model.manager());
            }
            bar.message(String.format(Locale.ROOT, "  batch-norm statistics of the EMA weights"
                + " re-estimated on %d batches; before: %s %s", reestimationBatches,
                validation == null ? "validation" : validation.name(),
                percent(beforeReestimation)));
          }
          double live = validation == null ? Double.NaN : validation.evaluate(model);
          double score = validation == null ? Double.NaN
              : ema.withAverages(() -> validation.evaluate(model));
          try (WeightEma.Swap swap = ema.swapIn()) {
            Checkpoints.save(runDir.resolve(MODEL_FILE), model.network(),
                meta.withStep(trainer.stepCount()));
          }
          TrainingCheckpoints.save(state, trainer, meta);
          evaluations.add(new Evaluation(trainer.stepCount(), seconds, lastLoss, score, live));
          bar.update(fraction(trainer.stepCount(), seconds), status, true);
          bar.message(String.format(Locale.ROOT,
              "  step %d (%s): loss %.4f, %s %s (EMA), %s (live); saved %s",
              trainer.stepCount(), ProgressBar.clock(seconds), lossAverage,
              validation == null ? "validation" : validation.name(), percent(score),
              percent(live), runDir.resolve(MODEL_FILE)));
          while (nextEval <= seconds) {
            nextEval += config.validateEverySeconds();
          }
          evalNanos += System.nanoTime() - e0;
        }
      }
      bar.finish();
    }
    // The trainer restored the raw weights when it closed; the last checkpoint holds the averages.
    model.loadCheckpoint(runDir.resolve(MODEL_FILE));
    long steps = evaluations.isEmpty() ? 0 : evaluations.get(evaluations.size() - 1).step();
    return new Summary(steps, examples, trainNanos / 1e9, evalNanos / 1e9, lastLoss, recoveries,
        losses.toArray(), evaluations, beforeReestimation);
  }

  private static String percent(double score) {
    return Double.isNaN(score) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * score);
  }

  /**
   * Puts the optimisation settings into a run's properties: {@code lr}, {@code clip} and the EMA
   * arguments under ema_pytorch's names ({@code ema.beta}, {@code ema.update_after_step}, ...).
   */
  public static void describe(Config c, Map<String, String> properties) {
    properties.put("lr", Float.toString(c.learningRate()));
    properties.put("clip", Float.toString(c.clipNorm()));
    EmaSettings e = c.ema();
    properties.put("ema.beta", Double.toString(e.beta()));
    properties.put("ema.update_after_step", Long.toString(e.updateAfterStep()));
    properties.put("ema.update_every", Integer.toString(e.updateEvery()));
    properties.put("ema.inv_gamma", Double.toString(e.invGamma()));
    properties.put("ema.power", Double.toString(e.power()));
    properties.put("ema.min_value", Double.toString(e.minValue()));
  }

  private boolean done(long steps, double seconds) {
    return (config.maxSteps() > 0 && steps >= config.maxSteps())
        || (config.seconds() > 0 && seconds >= config.seconds());
  }

  private double fraction(long steps, double seconds) {
    double f = 0;
    if (config.maxSteps() > 0) {
      f = Math.max(f, (double) steps / config.maxSteps());
    }
    if (config.seconds() > 0) {
      f = Math.max(f, seconds / config.seconds());
    }
    return f;
  }

  private static String status(long step, double seconds, double loss, long examples,
      String unit) {
    return String.format(Locale.ROOT, "step %d  %s  loss %.4f  %.1f steps/s  %.0f %s/s",
        step, ProgressBar.clock(seconds), loss, step / Math.max(seconds, 1e-9),
        examples / Math.max(seconds, 1e-9), unit);
  }

  /** A growable list of floats. */
  private static final class FloatList {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
