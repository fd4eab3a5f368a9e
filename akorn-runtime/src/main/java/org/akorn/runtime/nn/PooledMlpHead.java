package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Global pool then {@code Linear(C, hidden) -> ReLU -> Linear(hidden, out)} (object-discovery
 * features). Reference keys mirror the reference's {@code Sequential(Identity, pool, Reshape,
 * Linear, ReLU, Linear)}: {@code 3.*} and {@code 5.*}.
 */
public final class PooledMlpHead extends ArrayOpBlock {
  private final Pooling pooling;
  private final LinearBlock first;
  private final LinearBlock second;

  public PooledMlpHead(Pooling pooling, int channels, int hidden, int out) {
    this.pooling = pooling;
    first = addChildBlock("fc0", new LinearBlock(channels, hidden, true));
    second = addChildBlock("fc1", new LinearBlock(hidden, out, true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray h = Activation.relu(first.apply(ps, pooling.apply(x), training));
    return second.apply(ps, h, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape h = first.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), first.getIn())})[0];
    return second.getOutputShapes(new Shape[] {h});
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    first.collectReferenceKeys(prefix + "3.", mapping);
    second.collectReferenceKeys(prefix + "5.", mapping);
  }
}
