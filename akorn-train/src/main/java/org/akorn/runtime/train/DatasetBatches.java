package org.akorn.runtime.train;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.data.Permutations;

/**
 * Batches of a data set for {@link TrainingLoop}: epoch after epoch, each a fresh seeded
 * permutation of the examples; a batch never spans two epochs (the last one of an epoch may be
 * smaller).
 */
public final class DatasetBatches implements TrainingLoop.BatchSource {
  private final Dataset data;
  private final Random random;
  private final String unit;
  private int[] order;
  private int next;
  private int epochs;

  /**
   * @param unit what an example is called in the progress line (e.g. {@code images})
   */
  public DatasetBatches(Dataset data, long seed, String unit) {
    if (data.size() == 0) {
      throw new IllegalArgumentException(data.source() + " holds no examples to train on");
    }
    this.data = data;
    this.random = new Random(seed);
    this.unit = unit;
  }

  @Override
  public TrainingLoop.Batch next(NDManager manager, int size) {
    if (order == null || next >= order.length) {
      order = Permutations.of(data.size(), random);
      next = 0;
      epochs++;
    }
    int n = Math.min(size, order.length - next);
    int[] idx = new int[n];
    System.arraycopy(order, next, idx, 0, n);
    next += n;
    return new TrainingLoop.Batch(data.inputs(manager, idx), data.labels(manager, idx), n, null);
  }

  @Override
  public String unit() {
    return unit;
  }

  /** Epochs started so far. */
  public int epochs() {
    return epochs;
  }
}
