package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Per-cell classifier: {@code ReLU -> 1x1 conv C -> K}, returned channels-last {@code [B, H, W,
 * K]} (Sudoku logits). Reference keys mirror {@code Sequential(ReLU, Conv2d)}: {@code 1.*}.
 */
public final class CellHead extends ArrayOpBlock {
  private final Conv2dBlock conv;

  public CellHead(int channels, int classes) {
    conv =
        addChildBlock(
            "conv", Conv2dBlock.builder().setChannels(channels, classes).setKernel(1).build());
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return conv.apply(ps, Activation.relu(x), training).transpose(0, 2, 3, 1);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = conv.getOutputShapes(inputShapes)[0];
    return new Shape[] {new Shape(s.get(0), s.get(2), s.get(3), s.get(1))};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    conv.collectReferenceKeys(prefix + "1.", mapping);
  }
}
