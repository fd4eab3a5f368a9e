package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Batch normalisation over {@code [B, C, H, W]} as PyTorch's {@code nn.BatchNorm2d} (eps 1e-5,
 * momentum 0.1): training uses batch statistics and updates the running mean and (unbiased)
 * variance; inference uses the running statistics.
 */
public final class BatchNorm2d extends AkornBlock implements ArrayOp {
  private final int channels;
  private final float eps = 1e-5f;
  private final float momentum = 0.1f;
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
    Shape bc = NnUtil.channelShape(channels, x.getShape().dimension());
    NDArray w = ps.getValue(weight, x.getDevice(), training).reshape(bc);
    NDArray b = ps.getValue(bias, x.getDevice(), training).reshape(bc);
    NDArray rm = ps.getValue(runningMean, x.getDevice(), training);
    NDArray rv = ps.getValue(runningVar, x.getDevice(), training);
    NDArray mean;
    NDArray var;
    if (training) {
      // per-channel statistics over batch and space: [C, B * H * W]
      NDArray perChannel = x.swapAxes(0, 1).reshape(channels, -1);
      mean = perChannel.mean(new int[] {1}, true);
      var = perChannel.sub(mean).square().mean(new int[] {1}, true);
      mean = mean.reshape(bc);
      var = var.reshape(bc);
      long count = x.getShape().size() / channels;
      NDArray m = mean.stopGradient().reshape(channels);
      NDArray v = var.stopGradient().reshape(channels).mul(count / (float) Math.max(1, count - 1));
      rm.muli(1 - momentum).addi(m.mul(momentum));
      rv.muli(1 - momentum).addi(v.mul(momentum));
    } else {
      mean = rm.reshape(bc);
      var = rv.reshape(bc);
    }
    return x.sub(mean).div(var.add(eps).sqrt()).mul(w).add(b);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
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
