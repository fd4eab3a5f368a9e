package org.akorn.examples.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;
import org.akorn.runtime.train.AdamOptimizer;
import org.akorn.runtime.train.BlockTrainer;
import org.akorn.runtime.train.EnergyVoting;
import org.akorn.runtime.train.TrainingLoss;
import org.akorn.runtime.train.WeightEma;

/**
 * Trains a Sudoku model as the reference does (cross-entropy over all cells, Adam, gradient-norm
 * clipping, an EMA of the weights, fresh initial noise every step), optionally with a number of
 * Kuramoto steps that varies around T from step to step. Training stops after a time
 * budget or a number of steps, whichever comes first; evaluation pauses the clock. Every
 * evaluation (and the end) writes {@code model.ckpt} (the EMA weights, what {@code eval} loads)
 * and {@code train-state.ckpt} (raw weights, EMA and Adam state).
 */
public final class SudokuTrainer {

  /**
   * Training settings.
   *
   * @param batchSize puzzles per step
   * @param learningRate Adam's learning rate
   * @param clipNorm global gradient-norm clip
   * @param emaDecay EMA decay per step
   * @param stepsJitter each training step runs T + j Kuramoto steps, j drawn uniformly from
   *     [-stepsJitter, stepsJitter] (0 = always T, as the reference; see the README's demo
   *     notes for why the demo jitters)
   * @param seed seed of the per-step initial noise and of the jitter
   * @param seconds training-time budget (0 = none)
   * @param maxSteps step budget (0 = none)
   * @param evalEverySeconds training time between evaluations on the validation puzzles (0 =
   *     only at the end)
   */
  public record Config(
      int batchSize, float learningRate, float clipNorm, double emaDecay, int stepsJitter, long seed,
      double seconds, long maxSteps, double evalEverySeconds) {
    public Config {
      if (seconds <= 0 && maxSteps <= 0) {
        throw new IllegalArgumentException("give a time budget or a number of steps");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be positive");
      }
    }
  }

  /** One periodic evaluation. */
  public record Checkpoint(long step, double trainSeconds, float loss, double boardAccuracy) {}

  /**
   * What training did.
   *
   * @param trainSeconds wall time spent in training steps (evaluations excluded)
   * @param evalSeconds wall time spent in periodic evaluations and checkpoints
   */
  public record Summary(
      long steps, long puzzles, double trainSeconds, double evalSeconds, float finalLoss,
      int recoveries, List<Checkpoint> evaluations) {}

  /** Training seconds between snapshots of the training state (for recovering from NaN). */
  static final double SNAPSHOT_SECONDS = 10;
  static final int MAX_RECOVERIES = 20;

  private final Config config;
  private final PrintWriter log;
  private final boolean interactive;

  public SudokuTrainer(Config config, PrintWriter log, boolean interactive) {
    this.config = config;
    this.log = log;
    this.interactive = interactive;
  }

  /**
   * Trains {@code model} in place; afterwards the model holds the EMA weights.
   *
   * @param validation puzzles for the periodic board accuracy (may be empty)
   * @param runDir where the checkpoints go
   */
  public Summary train(AkornModel model, PuzzleSource source, List<Puzzle> validation,
      Path runDir) throws IOException {
    Files.createDirectories(runDir);
    int size = SudokuModels.sizeOf(model);
    SudokuHyperParameters hp = SudokuHyperParameters.fromMap(model.hyperParameters());
    SudokuEvaluator evaluator =
        new SudokuEvaluator(100, config.seed() + 17);
    SudokuEvaluator.Setting valSetting = new SudokuEvaluator.Setting("trained T", hp.steps());
    TrainingLoss loss = (pred, labels) -> SudokuBatch.crossEntropy(pred.get(0), labels.get(0));
    ProgressBar bar = new ProgressBar(log, interactive);
    List<Checkpoint> evaluations = new ArrayList<>();
    double trainNanos = 0;
    double evalNanos = 0;
    double nextEval = config.evalEverySeconds() > 0 ? config.evalEverySeconds() : Double.MAX_VALUE;
    double lossAverage = Double.NaN;
    float lastLoss = Float.NaN;
    long puzzles = 0;
    int recoveries = 0;
    StepsWrapper wrapper = new StepsWrapper(model.network(), hp.steps());
    java.util.Random jitter = new java.util.Random(config.seed());
    if (config.stepsJitter() < 0 || config.stepsJitter() >= hp.steps()) {
      throw new IllegalArgumentException(
          "steps jitter must lie in 0.." + (hp.steps() - 1) + ", got " + config.stepsJitter());
    }
    try (BlockTrainer trainer =
        BlockTrainer.builder(wrapper, loss)
            .optAdam(AdamOptimizer.builder().optLearningRate(config.learningRate()))
            .optClipNorm(config.clipNorm())
            .optEmaDecay(config.emaDecay())
            .build(model.manager())) {
      WeightEma ema = trainer.ema().orElseThrow();
      Path state = runDir.resolve("train-state.ckpt");
      saveState(model, trainer, state);
      double nextSnapshot = SNAPSHOT_SECONDS;
      while (!done(trainer.stepCount(), trainNanos / 1e9)) {
        long t0 = System.nanoTime();
        List<Puzzle> batchPuzzles = source.next(config.batchSize());
        try (NDManager m = model.manager().newSubManager();
            SudokuBatch batch = SudokuBatch.of(m, batchPuzzles)) {
          NDArray noise =
              EnergyVoting.gaussianNoise(
                  m, new Shape(batchPuzzles.size(), hp.ch(), size, size),
                  config.seed() * 1_000_003L + trainer.stepCount());
          wrapper.setSteps(hp.steps() - config.stepsJitter()
              + jitter.nextInt(2 * config.stepsJitter() + 1));
          lastLoss =
              trainer.step(
                  new NDList(batch.digits(), batch.given(), noise), new NDList(batch.labels()));
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
          Checkpoints.resume(state, trainer, model.modelName(), model.hyperParameters());
          bar.message(String.format(Locale.ROOT, "  step %d: loss %s, gradient norm %s;"
              + " restored the snapshot of step %d", bad, lastLoss, badNorm, trainer.stepCount()));
          trainNanos += System.nanoTime() - t0;
          continue;
        }
        if (trainNanos / 1e9 >= nextSnapshot) {
          saveState(model, trainer, state);
          nextSnapshot = trainNanos / 1e9 + SNAPSHOT_SECONDS;
        }
        trainNanos += System.nanoTime() - t0;
        puzzles += batchPuzzles.size();
        lossAverage = Double.isNaN(lossAverage) ? lastLoss : 0.98 * lossAverage + 0.02 * lastLoss;
        double seconds = trainNanos / 1e9;
        bar.update(fraction(trainer.stepCount(), seconds), status(trainer.stepCount(), seconds,
            lossAverage, puzzles), false);
        boolean last = done(trainer.stepCount(), seconds);
        if (seconds >= nextEval || last) {
          long e0 = System.nanoTime();
          double accuracy = Double.NaN;
          if (!validation.isEmpty()) {
            accuracy = ema.withAverages(
                () -> evaluator.evaluate(model, validation, valSetting).score().boardAccuracy());
          }
          saveCheckpoints(model, trainer, ema, runDir);
          evaluations.add(new Checkpoint(trainer.stepCount(), seconds, lastLoss, accuracy));
          bar.update(fraction(trainer.stepCount(), seconds), status(trainer.stepCount(), seconds,
              lossAverage, puzzles), true);
          bar.message(String.format(Locale.ROOT,
              "  step %d (%s): loss %.4f, validation board accuracy (EMA, T=%d) %s; saved %s",
              trainer.stepCount(), ProgressBar.clock(seconds), lossAverage, hp.steps(),
              validation.isEmpty() ? "-" : DemoReport.percent(accuracy),
              runDir.resolve("model.ckpt")));
          while (nextEval <= seconds) {
            nextEval += config.evalEverySeconds();
          }
          evalNanos += System.nanoTime() - e0;
        }
      }
      bar.finish();
    }
    // The trainer restored the raw weights when it closed; evaluation wants the averages, which
    // the last checkpoint holds.
    model.loadCheckpoint(runDir.resolve("model.ckpt"));
    return new Summary(steps(evaluations), puzzles, trainNanos / 1e9, evalNanos / 1e9, lastLoss,
        recoveries, evaluations);
  }

  private static long steps(List<Checkpoint> evaluations) {
    return evaluations.isEmpty() ? 0 : evaluations.get(evaluations.size() - 1).step();
  }


  private void saveCheckpoints(AkornModel model, BlockTrainer trainer, WeightEma ema, Path runDir)
      throws IOException {
    Path modelFile = runDir.resolve("model.ckpt");
    try (WeightEma.Swap swap = ema.swapIn()) {
      model.saveCheckpoint(modelFile);
    }
    saveState(model, trainer, runDir.resolve("train-state.ckpt"));
  }

  private static void saveState(AkornModel model, BlockTrainer trainer, Path file)
      throws IOException {
    Checkpoints.save(file, trainer,
        CheckpointMetadata.of(model.modelName(), model.hyperParameters(), trainer.stepCount()));
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

  private static String status(long step, double seconds, double loss, long puzzles) {
    return String.format(Locale.ROOT, "step %d  %s  loss %.4f  %.1f steps/s  %.0f puzzles/s",
        step, ProgressBar.clock(seconds), loss, step / Math.max(seconds, 1e-9),
        puzzles / Math.max(seconds, 1e-9));
  }
}
