package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Image to stimulus: optional per-channel input normalisation {@code (x - mean) / std}, then a
 * conv. Covers the classification stem (3x3, no bias) and the object-discovery patchify stem
 * (kernel = stride = patch, {@code (x - 0.5) / 0.5}). Reference keys are the conv's.
 */
public final class ConvStem extends ArrayOpBlock {
  private final float[] mean;
  private final float[] std;
  private final Conv2dBlock conv;

  /**
   * @param conv the convolution
   * @param mean per-channel mean, or null for no normalisation
   * @param std per-channel standard deviation (with mean)
   */
  public ConvStem(Conv2dBlock conv, float[] mean, float[] std) {
    if ((mean == null) != (std == null)
        || (mean != null && (mean.length != conv.getInChannels() || std.length != mean.length))) {
      throw new IllegalArgumentException("mean and std need one value per input channel");
    }
    this.mean = mean == null ? null : mean.clone();
    this.std = std == null ? null : std.clone();
    this.conv = addChildBlock("conv", conv);
  }

  /** Patchify: {@code (x - 0.5) / 0.5}, conv with kernel = stride = {@code patch}, with bias. */
  public static ConvStem patchify(int inChannels, int channels, int patch) {
    float[] half = new float[inChannels];
    java.util.Arrays.fill(half, 0.5f);
    return new ConvStem(
        Conv2dBlock.builder()
            .setChannels(inChannels, channels)
            .setKernel(patch)
            .optStride(patch)
            .optPadding(0)
            .build(),
        half,
        half.clone());
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray in = x;
    if (mean != null) {
      Shape bc = NnUtil.channelShape(mean.length, x.getShape().dimension());
      NDArray m = NnUtil.onDeviceOf(NnUtil.constant(x.getManager(), mean, bc), x);
      NDArray s = NnUtil.onDeviceOf(NnUtil.constant(x.getManager(), std, bc), x);
      in = x.sub(m).div(s);
    }
    return conv.apply(ps, in, training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return conv.getOutputShapes(inputShapes);
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    conv.collectReferenceKeys(prefix, mapping);
  }
}
