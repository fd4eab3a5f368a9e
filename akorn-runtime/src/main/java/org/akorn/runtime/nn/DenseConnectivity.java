package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Fully connected coupling over all positions and channels, for token inputs without a grid:
 * {@code [B, ...] -> flatten -> Linear(D, D) -> [B, ...]} with {@code D} the product of the
 * non-batch dimensions. Reference keys {@code weight} / {@code bias}.
 */
public final class DenseConnectivity extends ArrayOpBlock {
  private final LinearBlock linear;

  public DenseConnectivity(int features) {
    linear = addChildBlock("linear", new LinearBlock(features, features, true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    Shape s = x.getShape();
    return linear.apply(ps, x.reshape(s.get(0), -1), training).reshape(s);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    linear.collectReferenceKeys(prefix, mapping);
  }
}
