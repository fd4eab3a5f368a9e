package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Batch normalisation over {@code [B, C, H, W]} as PyTorch's {@code nn.BatchNorm2d} (eps 1e-5,
 * momentum 0.1): training uses batch statistics and updates the running mean and (unbiased)
 * variance; inference uses the running statistics.
 */
public final class BatchNorm2d extends ArrayOpBlock {
  private final int channels;
  private final float eps = 1e-5f;
  private final float momentum = 0.1f;
  private boolean replaceStatistics;
  private final Parameter weight;
  private final Parameter bias;
  private final Parameter runningMean;
  private final Parameter runningVar;

  public BatchNorm2d(int channels) {
    this.channels = channels;
    weight =
        addParameter(
            param("weight", Parameter.Type.GAMMA, new Shape(channels), Inits.constant(1f), true));
    bias =
        addParameter(
            param("bias", Parameter.Type.BETA, new Shape(channels), Inits.constant(0f), true));
    runningMean =
        addParameter(
            param(
                "running_mean",
                Parameter.Type.RUNNING_MEAN,
                new Shape(channels),
                Inits.constant(0f),
                false));
    runningVar =
        addParameter(
            param(
                "running_var",
                Parameter.Type.RUNNING_VAR,
                new Shape(channels),
                Inits.constant(1f),
                false));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = ps.getValue(bias, x.getDevice(), training);
    NDArray rm = ps.getValue(runningMean, x.getDevice(), training);
    NDArray rv = ps.getValue(runningVar, x.getDevice(), training);
    // The engine's fused batch norm (torch.batch_norm): batch statistics and an in-place update of
    // the running mean and unbiased variance in training, the running statistics otherwise. DJL's
    // momentum is the share kept (it passes 1 - momentum to PyTorch).
    float kept = replaceStatistics ? 0f : 1f - momentum;
    return BatchNorm.batchNorm(x, rm, rv, w, b, 1, kept, eps, training).singletonOrThrow();
  }

  /**
   * While on, a training-mode pass replaces the running statistics by the batch's mean and
   * unbiased variance (momentum 1) instead of moving them by 0.1, so a caller can read every
   * batch's statistics and average them ({@code BatchNormEstimation}).
   */
  public void replaceStatistics(boolean on) {
    replaceStatistics = on;
  }

  /** The running mean (a live array of the block; do not close it). */
  public NDArray runningMean() {
    return runningMean.getArray();
  }

  /** The running (unbiased) variance (a live array of the block; do not close it). */
  public NDArray runningVar() {
    return runningVar.getArray();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "weight", weight);
    mapping.map(prefix + "bias", bias);
    mapping.map(prefix + "running_mean", runningMean);
    mapping.map(prefix + "running_var", runningVar);
    mapping.ignore(
        prefix + "num_batches_tracked", "batch counter; unused with a fixed momentum of 0.1");
  }
}
