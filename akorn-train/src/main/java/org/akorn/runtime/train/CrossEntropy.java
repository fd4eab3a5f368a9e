package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** Mean cross-entropy of logits over their last axis against integer class labels. */
public final class CrossEntropy {
  private CrossEntropy() {}

  /**
   * {@code -mean(log_softmax(logits)[label])} over every position.
   *
   * @param logits {@code [B, ..., K]}
   * @param labels {@code [B, ...]} class indices in 0..K-1 (any integer type)
   * @return a scalar
   */
  public static NDArray mean(NDArray logits, NDArray labels) {
    long classes = logits.getShape().get(logits.getShape().dimension() - 1);
    NDArray logp = logits.logSoftmax(-1);
    NDArray onehot = labels.toType(DataType.INT64, false).oneHot((int) classes)
        .toType(logits.getDataType(), false);
    return logp.mul(onehot).sum(new int[] {-1}).mean().neg();
  }
}
