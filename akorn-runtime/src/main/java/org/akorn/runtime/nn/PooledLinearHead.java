package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/** Global pool then {@code Linear(C, classes)}; reference keys are the linear's. */
public final class PooledLinearHead extends ArrayOpBlock {
  private final Pooling pooling;
  private final LinearBlock linear;

  public PooledLinearHead(Pooling pooling, int channels, int classes) {
    this.pooling = pooling;
    this.linear = addChildBlock("linear", new LinearBlock(channels, classes, true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return linear.apply(ps, pooling.apply(x), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return linear.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), linear.getIn())});
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    linear.collectReferenceKeys(prefix, mapping);
  }
}
