package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * {@code conv(ReLU(norm(x)))} (the reference's {@code BNReLUConv2d}); reference keys {@code fn.0.*}
 * (norm) and {@code fn.2.*} (conv).
 */
public final class NormReluConv extends ArrayOpBlock {
  private final ArrayOp norm;
  private final Conv2dBlock conv;

  /** Conv with stride 1 and padding kernel/2. */
  public NormReluConv(int inChannels, int outChannels, int kernel, FeatureNorm norm) {
    this(inChannels, outChannels, kernel, norm, 1);
  }

  /** Conv with the given stride and padding kernel/2. */
  public NormReluConv(int inChannels, int outChannels, int kernel, FeatureNorm norm, int stride) {
    ArrayOp nb = norm.create(inChannels);
    this.norm = nb == null ? null : addChildBlock("norm", nb);
    this.conv =
        addChildBlock(
            "conv",
            Conv2dBlock.builder().setChannels(inChannels, outChannels).setKernel(kernel)
                .optStride(stride).build());
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray y = norm == null ? x : norm.apply(ps, x, training);
    return conv.apply(ps, Activation.relu(y), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(inputShapes);
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (norm != null) {
      norm.collectReferenceKeys(prefix + "fn.0.", mapping);
    }
    conv.collectReferenceKeys(prefix + "fn.2.", mapping);
  }
}
