package org.akorn.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.akorn.runtime.train.BlockTrainer;
import org.akorn.runtime.train.WeightEma;

/**
 * Checkpoints with training state: the EMA of the weights and the Adam state, so that training
 * resumes exactly (format: see the package documentation; weights-only files are {@link
 * Checkpoints}'s).
 *
 * <pre>{@code
 * TrainingCheckpoints.save(path, block, meta, trainer.ema().orElse(null));
 * TrainingCheckpoints.load(path, block, "sudoku", hyper, ema);   // all-or-nothing
 * TrainingCheckpoints.save(path, trainer, meta);                 // + Adam state and step
 * TrainingCheckpoints.resume(path, trainer, "sudoku", hyper);    // continue training exactly
 * }</pre>
 */
public final class TrainingCheckpoints {

  private TrainingCheckpoints() {}

  /**
   * Saves the block's parameters, {@code meta} and, when {@code ema} is not null, the EMA
   * averages, atomically replacing {@code file}.
   *
   * @throws IllegalStateException if the EMA weights are swapped in (save the raw weights)
   */
  public static void save(Path file, Block block, CheckpointMetadata meta, WeightEma ema)
      throws IOException {
    checkNotSwapped(ema, "saving");
    Checkpoints.save(file, block, meta, new State(block, ema, null));
  }

  /**
   * Saves everything needed to resume training: the block's parameters, the EMA (if the trainer
   * keeps one), the Adam state and the trainer's step count (which replaces {@code meta}'s step).
   */
  public static void save(Path file, BlockTrainer trainer, CheckpointMetadata meta)
      throws IOException {
    WeightEma ema = trainer.ema().orElse(null);
    checkNotSwapped(ema, "saving");
    Checkpoints.save(file, trainer.block(), meta.withStep(trainer.stepCount()),
        new State(trainer.block(), ema, trainer));
  }

  /**
   * Loads a checkpoint into {@code block} and {@code ema} (when not null), after checking that it
   * was written for this model. Nothing is changed unless every check passes. When {@code ema} is
   * given but the checkpoint holds no EMA, the averages restart from the loaded weights.
   *
   * @return the checkpoint's metadata (e.g. to resume from its step)
   * @throws InvalidCheckpointException listing every problem, the model unchanged
   */
  public static CheckpointMetadata load(
      Path file, Block block, String architecture, Map<String, String> hyperParameters,
      WeightEma ema) throws InvalidCheckpointException {
    checkNotSwapped(ema, "loading");
    return Checkpoints.load(file, block, architecture, hyperParameters,
        new State(block, ema, null));
  }

  /**
   * Restores a trainer from a checkpoint: weights, EMA (restarted from the weights when the
   * checkpoint has none), Adam state (left as it is when the checkpoint has none, e.g. imported
   * weights) and step count. All-or-nothing, like {@link #load}.
   *
   * @return the checkpoint's metadata
   */
  public static CheckpointMetadata resume(
      Path file, BlockTrainer trainer, String architecture, Map<String, String> hyperParameters)
      throws InvalidCheckpointException {
    WeightEma ema = trainer.ema().orElse(null);
    checkNotSwapped(ema, "loading");
    CheckpointMetadata meta = Checkpoints.load(file, trainer.block(), architecture,
        hyperParameters, new State(trainer.block(), ema, trainer));
    trainer.restoreStepCount(meta.step());
    return meta;
  }

  private static void checkNotSwapped(WeightEma ema, String what) {
    if (ema != null && ema.isSwappedIn()) {
      throw new IllegalStateException(
          "swap the EMA weights out before " + what + " a checkpoint");
    }
  }

  /** The EMA (may be null) and the trainer's Adam state (null trainer: none) of one block. */
  private record State(Block block, WeightEma ema, BlockTrainer trainer) implements TrainingState {

    @Override
    public Map<String, NDArray> emaAverages() {
      return ema == null ? null : ema.averages();
    }

    @Override
    public Map<String, NDArray> optimizerState(NDManager scratch) {
      return trainer == null ? null : OptimizerState.export(block, trainer.optimizer(), scratch);
    }

    @Override
    public Map<String, NDArray> optimizerTemplate(NDManager scratch) {
      return trainer == null ? null : OptimizerState.template(block, scratch);
    }

    @Override
    public void restore(Map<String, NDArray> emaAverages, Map<String, NDArray> optimizerState) {
      if (ema != null) {
        if (emaAverages != null) {
          ema.load(emaAverages);
        } else {
          ema.resetToWeights();
        }
      }
      if (optimizerState != null) {
        OptimizerState.restore(block, trainer.optimizer(), optimizerState);
      }
    }
  }
}
