package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Dataset;

/**
 * The share of correct predictions of a model's head: argmax over the last axis of its output
 * against the labels, over every labelled position ({@code [B]} for a classifier, every cell of
 * {@code [B, H, W]} for a cell classifier).
 */
public final class Accuracy {
  private Accuracy() {}

  /**
   * Evaluates {@code model} on {@code data} in batches, in inference mode.
   *
   * @param options steps and noise seed; batch b draws its initial state from {@code seed + b}
   */
  public static double of(AkornModel model, Dataset data, int batchSize, RunOptions options) {
    String output = model.network().outputName();
    long correct = 0;
    long total = 0;
    for (int from = 0; from < data.size(); from += batchSize) {
      int to = Math.min(data.size(), from + batchSize);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      try (NDManager m = model.manager().newSubManager()) {
        NDArray logits = model.forward(data.inputs(m, idx),
            options.withSeed(options.seed() + from)).output(output);
        int last = logits.getShape().dimension() - 1;
        long[] predicted = logits.argMax(last).toType(DataType.INT64, false).toLongArray();
        long[] labels = data.labels(m, idx).toType(DataType.INT64, false).toLongArray();
        for (int i = 0; i < labels.length; i++) {
          correct += predicted[i] == labels[i] ? 1 : 0;
        }
        total += labels.length;
      }
    }
    return total == 0 ? Double.NaN : (double) correct / total;
  }
}
