package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * {@code x + FF(x)} with {@code FF = NormReluConv(C, hidden) -> NormReluConv(hidden, C)} (the
 * reference's {@code ResBlock(FF(...))}); reference keys {@code fn.fn.0.*}, {@code fn.fn.1.*}.
 */
public final class ResidualFeedForward extends ArrayOpBlock {
  private final NormReluConv first;
  private final NormReluConv second;

  public ResidualFeedForward(int channels, int hidden, int kernel, FeatureNorm norm) {
    first = addChildBlock("ff0", new NormReluConv(channels, hidden, kernel, norm));
    second = addChildBlock("ff1", new NormReluConv(hidden, channels, kernel, norm));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return x.add(second.apply(ps, first.apply(ps, x, training), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    first.collectReferenceKeys(prefix + "fn.fn.0.", mapping);
    second.collectReferenceKeys(prefix + "fn.fn.1.", mapping);
  }
}
