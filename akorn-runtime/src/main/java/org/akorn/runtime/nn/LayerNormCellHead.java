package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Per-cell classifier of the Transformer baselines: {@code LayerNorm(C) -> Linear(C -> K)} on every
 * cell of {@code [B, C, H, W]}, returned channels-last {@code [B, H, W, K]}. Reference keys mirror
 * {@code Sequential(LayerNorm, Linear)}: {@code 0.*}, {@code 1.*}.
 */
public final class LayerNormCellHead extends ArrayOpBlock {
  private final ChannelLayerNorm norm;
  private final LinearBlock linear;
  private final int classes;

  public LayerNormCellHead(int channels, int classes) {
    this.classes = classes;
    norm = addChildBlock("norm", new ChannelLayerNorm(channels));
    linear = addChildBlock("linear", new LinearBlock(channels, classes, true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return linear.apply(ps, norm.apply(ps, x, training).transpose(0, 2, 3, 1), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), s.get(2), s.get(3), classes)};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    norm.collectReferenceKeys(prefix + "0.", mapping);
    linear.collectReferenceKeys(prefix + "1.", mapping);
  }
}
