package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/** {@code y = x W^T + b} over the last axis, PyTorch layout {@code weight [out, in]}. */
public final class LinearBlock extends ArrayOpBlock {
  private final int in;
  private final int out;
  private final Parameter weight;
  private final Parameter bias;

  public LinearBlock(int in, int out, boolean withBias) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("features must be positive");
    }
    this.in = in;
    this.out = out;
    weight =
        addParameter(
            param("weight", Parameter.Type.WEIGHT, new Shape(out, in), Inits.uniformFanIn(in), true));
    bias =
        withBias
            ? addParameter(
                param("bias", Parameter.Type.BIAS, new Shape(out), Inits.uniformFanIn(in), true))
            : null;
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
    return Linear.linear(x, w, b).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "weight", weight);
    if (bias != null) {
      mapping.map(prefix + "bias", bias);
    }
  }

  /** The weight parameter {@code [out, in]} (for blocks that re-lay it out per run). */
  Parameter weightParameter() {
    return weight;
  }

  /** The bias parameter {@code [out]}, or null. */
  Parameter biasParameter() {
    return bias;
  }

  public int getIn() {
    return in;
  }
}
