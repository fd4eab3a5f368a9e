package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** The scalar a training step minimises, from the block's outputs and the batch's labels. */
@FunctionalInterface
public interface TrainingLoss {

  /**
   * Computes the loss.
   *
   * @param predictions what the block's forward pass returned
   * @param labels the batch's labels
   * @return a scalar (one element) array
   */
  NDArray compute(NDList predictions, NDList labels);

  /** Adapts a DJL {@link Loss} (whose {@code evaluate} takes labels first). */
  static TrainingLoss of(Loss loss) {
    return (predictions, labels) -> loss.evaluate(labels, predictions);
  }
}
