package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Oscillators to stimulus: a conv {@code Cin -> Cout * N}, reshaped to {@code [B, Cout, N, H, W]}
 * (consecutive groups of N), the L2 norm over N, plus a bias per output channel. Reference keys
 * {@code invconv.weight}, {@code invconv.bias}, {@code bias}.
 */
public final class ReadOutConv extends ArrayOpBlock {
  private final int outChannels;
  private final int groupSize;
  private final Conv2dBlock conv;
  private final Parameter bias;

  /**
   * @param inChannels oscillator channels
   * @param outChannels stimulus channels
   * @param groupSize N, the size of each normed group
   * @param kernel square kernel (padding kernel/2, stride 1)
   */
  public ReadOutConv(int inChannels, int outChannels, int groupSize, int kernel) {
    if (groupSize <= 0) {
      throw new IllegalArgumentException("group size must be positive");
    }
    this.outChannels = outChannels;
    this.groupSize = groupSize;
    conv =
        addChildBlock(
            "invconv",
            Conv2dBlock.builder()
                .setChannels(inChannels, outChannels * groupSize)
                .setKernel(kernel)
                .build());
    bias =
        addParameter(
            param("bias", Parameter.Type.BIAS, new Shape(outChannels), Inits.constant(0f), true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray y = conv.apply(ps, x, training);
    Shape s = y.getShape();
    NDArray norm = y.reshape(NnUtil.groupShape(s, groupSize)).square().sum(new int[] {2}).sqrt();
    Shape bc = NnUtil.channelShape(outChannels, norm.getShape().dimension());
    return norm.add(ps.getValue(bias, x.getDevice(), training).reshape(bc));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = conv.getOutputShapes(inputShapes)[0];
    return new Shape[] {new Shape(s.get(0), outChannels, s.get(2), s.get(3))};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    conv.collectReferenceKeys(prefix + "invconv.", mapping);
    mapping.map(prefix + "bias", bias);
  }
}
