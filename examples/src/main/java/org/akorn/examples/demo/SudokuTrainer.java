package org.akorn.examples.demo;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.train.EmaSettings;
import org.akorn.runtime.train.HeadLoss;
import org.akorn.runtime.train.TrainingLoop;

/**
 * Trains a Sudoku model with the runtime's {@link TrainingLoop} as the reference does
 * (cross-entropy over all cells, Adam, gradient-norm clipping, an EMA of the weights, fresh
 * initial noise every step), optionally with a number of Kuramoto steps that varies around T
 * from step to step; the periodic validation is the board accuracy on held-out puzzles.
 */
public final class SudokuTrainer {

  /**
   * Training settings.
   *
   * @param batchSize puzzles per step
   * @param learningRate Adam's learning rate
   * @param clipNorm global gradient-norm clip
   * @param ema when and how strongly the weights are averaged
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
      int batchSize, float learningRate, float clipNorm, EmaSettings ema, int stepsJitter, long seed,
      double seconds, long maxSteps, double evalEverySeconds) {
    TrainingLoop.Config loop() {
      return new TrainingLoop.Config(batchSize, learningRate, clipNorm, ema, seed, seconds,
          maxSteps, evalEverySeconds);
    }
  }

  private final Config config;
  private final PrintWriter log;
  private final boolean interactive;

  public SudokuTrainer(Config config, PrintWriter log, boolean interactive) {
    config.loop();
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
  public TrainingLoop.Summary train(AkornModel model, PuzzleSource source, List<Puzzle> validation,
      Path runDir) throws IOException {
    SudokuHyperParameters hp = SudokuHyperParameters.fromMap(model.hyperParameters());
    if (config.stepsJitter() < 0 || config.stepsJitter() >= hp.steps()) {
      throw new IllegalArgumentException(
          "steps jitter must lie in 0.." + (hp.steps() - 1) + ", got " + config.stepsJitter());
    }
    SudokuEvaluator evaluator = new SudokuEvaluator(100, config.seed() + 17);
    SudokuEvaluator.Setting setting = new SudokuEvaluator.Setting("trained T", hp.steps());
    Random jitter = new Random(config.seed());
    TrainingLoop.BatchSource batches = new TrainingLoop.BatchSource() {
      @Override
      public TrainingLoop.Batch next(NDManager manager, int size) {
        List<Puzzle> puzzles = source.next(size);
        SudokuBatch batch = SudokuBatch.of(manager, puzzles);
        int steps = hp.steps() - config.stepsJitter() + jitter.nextInt(2 * config.stepsJitter() + 1);
        return new TrainingLoop.Batch(batch.inputs(), batch.labels(), puzzles.size(), steps);
      }

      @Override
      public String unit() {
        return "puzzles";
      }
    };
    TrainingLoop.Validation boards = validation.isEmpty() ? null : new TrainingLoop.Validation() {
      @Override
      public String name() {
        return "validation board accuracy (T=" + hp.steps() + ")";
      }

      @Override
      public double evaluate(AkornModel m) {
        return evaluator.evaluate(m, validation, setting).score().boardAccuracy();
      }
    };
    return new TrainingLoop(config.loop(), log, interactive)
        .train(model, HeadLoss.forModel(model), batches, boards, runDir, null);
  }
}
