package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/** Per-channel {@code x * scale + bias} on {@code [B, C, ...]}; reference keys scale / bias. */
public final class ScaleAndBias extends ArrayOpBlock {
  private final int channels;
  private final Parameter scale;
  private final Parameter bias;

  public ScaleAndBias(int channels) {
    this.channels = channels;
    scale =
        addParameter(
            param("scale", Parameter.Type.GAMMA, new Shape(channels), Inits.constant(1f), true));
    bias =
        addParameter(
            param("bias", Parameter.Type.BETA, new Shape(channels), Inits.constant(0f), true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    Shape bc = NnUtil.channelShape(channels, x.getShape().dimension());
    return x.mul(ps.getValue(scale, x.getDevice(), training).reshape(bc))
        .add(ps.getValue(bias, x.getDevice(), training).reshape(bc));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "scale", scale);
    mapping.map(prefix + "bias", bias);
  }
}
