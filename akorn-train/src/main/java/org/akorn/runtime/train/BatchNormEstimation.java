package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.akorn.runtime.nn.BatchNorm2d;

/**
 * Re-estimates the batch-norm running statistics of a block for its current weights (e.g. the
 * EMA weights, whose averaged statistics belong to no single set of weights): a few training-mode
 * passes without gradients, and each statistic becomes the plain mean of the batches' values, as
 * {@code torch.optim.swa_utils.update_bn} does (momentum {@code None}). Nothing else changes.
 */
public final class BatchNormEstimation {
  private BatchNormEstimation() {}

  /** Every {@link BatchNorm2d} inside {@code block}, in depth-first order. */
  public static List<BatchNorm2d> layers(Block block) {
    List<BatchNorm2d> out = new ArrayList<>();
    collect(block, out);
    return out;
  }

  private static void collect(Block block, List<BatchNorm2d> out) {
    if (block instanceof BatchNorm2d bn) {
      out.add(bn);
    }
    for (Block child : block.getChildren().values()) {
      collect(child, out);
    }
  }

  /**
   * Runs {@code passes} training-mode forward passes of {@code block} on the inputs {@code
   * batches} returns for pass 0, 1, ... (attached to the manager it is given; closed after their
   * pass) and sets every batch-norm layer's running mean and variance to the mean over the passes
   * of the batch values.
   *
   * @return the number of batch-norm layers re-estimated (0: nothing was run)
   */
  public static int reestimate(Block block, int passes,
      Function<NDManager, NDList> batches, NDManager manager) {
    if (passes < 1) {
      throw new IllegalArgumentException("re-estimation needs at least one pass, got " + passes);
    }
    List<BatchNorm2d> layers = layers(block);
    if (layers.isEmpty()) {
      return 0;
    }
    double[][] means = new double[layers.size()][];
    double[][] vars = new double[layers.size()][];
    layers.forEach(bn -> bn.replaceStatistics(true));
    try {
      for (int pass = 0; pass < passes; pass++) {
        try (NDManager m = manager.newSubManager()) {
          NDList inputs = batches.apply(m);
          ParameterStore ps = new ParameterStore(m, false);
          NDList out = block.forward(ps, inputs, true);
          out.close();
          for (int i = 0; i < layers.size(); i++) {
            means[i] = add(means[i], layers.get(i).runningMean());
            vars[i] = add(vars[i], layers.get(i).runningVar());
          }
        }
      }
    } finally {
      layers.forEach(bn -> bn.replaceStatistics(false));
    }
    for (int i = 0; i < layers.size(); i++) {
      set(layers.get(i).runningMean(), means[i], passes, manager);
      set(layers.get(i).runningVar(), vars[i], passes, manager);
    }
    return layers.size();
  }

  private static double[] add(double[] sum, NDArray values) {
    float[] v = values.toFloatArray();
    double[] out = sum == null ? new double[v.length] : sum;
    for (int i = 0; i < v.length; i++) {
      out[i] += v[i];
    }
    return out;
  }

  private static void set(NDArray target, double[] sum, int passes, NDManager manager) {
    float[] mean = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      mean[i] = (float) (sum[i] / passes);
    }
    try (NDManager m = manager.newSubManager()) {
      BlockParameters.copyInto(target, m.create(mean, target.getShape()));
    }
  }
}
