package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * LayerNorm over the channels of every position of {@code [B, C, ...]} (PyTorch's
 * {@code nn.LayerNorm(C)} applied to tokens {@code [B, N, C]}): {@code (x - mean) / sqrt(var +
 * 1e-5) * weight + bias}, the biased variance, {@code weight} initialised to 1 and {@code bias}
 * to 0. Reference keys {@code weight}, {@code bias}.
 */
public final class ChannelLayerNorm extends ArrayOpBlock {
  static final float EPS = 1e-5f;
  private final int channels;
  private final Parameter weight;
  private final Parameter bias;

  public ChannelLayerNorm(int channels) {
    if (channels <= 0) {
      throw new IllegalArgumentException("channels must be positive");
    }
    this.channels = channels;
    weight = addParameter(param("weight", Parameter.Type.GAMMA, new Shape(channels), Inits.constant(1f), true));
    bias = addParameter(param("bias", Parameter.Type.BETA, new Shape(channels), Inits.constant(0f), true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    Shape perChannel = NnUtil.channelShape(channels, x.getShape().dimension());
    NDArray w = ps.getValue(weight, x.getDevice(), training).reshape(perChannel);
    NDArray b = ps.getValue(bias, x.getDevice(), training).reshape(perChannel);
    NDArray centred = x.sub(x.mean(new int[] {1}, true));
    NDArray std = centred.square().mean(new int[] {1}, true).add(EPS).sqrt();
    return centred.div(std).mul(w).add(b);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "weight", weight);
    mapping.map(prefix + "bias", bias);
  }
}
