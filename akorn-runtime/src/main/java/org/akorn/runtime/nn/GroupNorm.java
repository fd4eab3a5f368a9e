package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Group normalisation over {@code [B, C, ...]} as PyTorch's {@code nn.GroupNorm}: statistics per
 * sample and group of {@code C / groups} consecutive channels (biased variance), then an optional
 * per-channel affine {@code weight} / {@code bias}.
 */
public final class GroupNorm extends ArrayOpBlock {
  private final int groups;
  private final int channels;
  private final float eps;
  private final Parameter weight;
  private final Parameter bias;

  public GroupNorm(int groups, int channels, boolean affine) {
    this(groups, channels, affine, 1e-5f);
  }

  public GroupNorm(int groups, int channels, boolean affine, float eps) {
    if (groups <= 0 || channels % groups != 0) {
      throw new IllegalArgumentException(
          "groups (" + groups + ") must divide channels (" + channels + ")");
    }
    this.groups = groups;
    this.channels = channels;
    this.eps = eps;
    if (affine) {
      weight =
          addParameter(
              param("weight", Parameter.Type.GAMMA, new Shape(channels), Inits.constant(1f), true));
      bias =
          addParameter(
              param("bias", Parameter.Type.BETA, new Shape(channels), Inits.constant(0f), true));
    } else {
      weight = null;
      bias = null;
    }
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    Shape shape = x.getShape();
    NDArray g = x.reshape(shape.get(0), groups, -1);
    NDArray mean = g.mean(new int[] {2}, true);
    NDArray centered = g.sub(mean);
    NDArray var = centered.square().mean(new int[] {2}, true);
    NDArray y = centered.div(var.add(eps).sqrt()).reshape(shape);
    if (weight != null) {
      Shape bc = NnUtil.channelShape(channels, shape.dimension());
      y =
          y.mul(ps.getValue(weight, x.getDevice(), training).reshape(bc))
              .add(ps.getValue(bias, x.getDevice(), training).reshape(bc));
    }
    return y;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (weight != null) {
      mapping.map(prefix + "weight", weight);
      mapping.map(prefix + "bias", bias);
    }
  }
}
