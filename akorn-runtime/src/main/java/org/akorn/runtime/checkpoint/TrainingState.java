package org.akorn.runtime.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/**
 * What a checkpoint may carry beside the weights: the EMA of the weights and the optimizer's
 * state. The inference core writes and loads weights only and skips these entries; akorn-train's
 * {@code TrainingCheckpoints} supplies an implementation, so {@link Checkpoints} keeps the one
 * reader and writer of the format.
 */
public interface TrainingState {

  /** The EMA averages by parameter name, or null when there is no EMA to save or load. */
  Map<String, NDArray> emaAverages();

  /**
   * The optimizer's state by entry name (new arrays attached to {@code scratch}), or null when
   * there is no optimizer state to save.
   */
  Map<String, NDArray> optimizerState(NDManager scratch);

  /**
   * Arrays with the names, shapes and data types the stored optimizer state must have, or null when
   * no optimizer state is to be loaded.
   */
  Map<String, NDArray> optimizerTemplate(NDManager scratch);

  /**
   * Takes the stored state after every check passed. Either argument is null when the checkpoint
   * holds no such entry (or none was asked for); the arrays are closed after the call.
   */
  void restore(Map<String, NDArray> emaAverages, Map<String, NDArray> optimizerState);
}
