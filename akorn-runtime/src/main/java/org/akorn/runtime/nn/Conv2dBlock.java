package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.engine.Convolutions;
import org.akorn.runtime.weights.WeightMapping;

/**
 * A 2-D convolution {@code [B, Cin, H, W] -> [B, Cout, H', W']} with square kernel, PyTorch
 * layout ({@code weight [Cout, Cin, k, k]}, {@code bias [Cout]}) and reference keys
 * {@code weight} / {@code bias}.
 */
public final class Conv2dBlock extends ArrayOpBlock {
  private final int inChannels;
  private final int outChannels;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final Parameter weight;
  private final Parameter bias;

  private Conv2dBlock(Builder b) {
    this.inChannels = b.inChannels;
    this.outChannels = b.outChannels;
    this.kernel = b.kernel;
    this.stride = b.stride;
    this.padding = b.padding < 0 ? b.kernel / 2 : b.padding;
    long fanIn = (long) inChannels * kernel * kernel;
    weight =
        addParameter(
            param(
                "weight",
                Parameter.Type.WEIGHT,
                new Shape(outChannels, inChannels, kernel, kernel),
                Inits.uniformFanIn(fanIn),
                true));
    bias =
        b.bias
            ? addParameter(
                param(
                    "bias",
                    Parameter.Type.BIAS,
                    new Shape(outChannels),
                    Inits.uniformFanIn(fanIn),
                    true))
            : null;
  }

  /** Applies the convolution to one array. */
  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = ps.getValue(weight, x.getDevice(), training);
    NDArray bb = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
    return Convolutions.conv2d(x, w, bb, stride, padding);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    long h = (s.get(2) + 2L * padding - kernel) / stride + 1;
    long w = (s.get(3) + 2L * padding - kernel) / stride + 1;
    return new Shape[] {new Shape(s.get(0), outChannels, h, w)};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "weight", weight);
    if (bias != null) {
      mapping.map(prefix + "bias", bias);
    }
  }

  /** The weight parameter {@code [Cout, Cin, k, k]} (for blocks that re-lay it out per run). */
  Parameter weightParameter() {
    return weight;
  }

  /** The bias parameter {@code [Cout]}, or null. */
  Parameter biasParameter() {
    return bias;
  }

  public int getInChannels() {
    return inChannels;
  }

  public int getOutChannels() {
    return outChannels;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder: {@code setChannels} and {@code setKernel} are required. */
  public static final class Builder {
    private int inChannels;
    private int outChannels;
    private int kernel;
    private int stride = 1;
    private int padding = -1;
    private boolean bias = true;

    public Builder setChannels(int in, int out) {
      this.inChannels = in;
      this.outChannels = out;
      return this;
    }

    public Builder setKernel(int kernel) {
      this.kernel = kernel;
      return this;
    }

    public Builder optStride(int stride) {
      this.stride = stride;
      return this;
    }

    /** Padding; default {@code kernel / 2}. */
    public Builder optPadding(int padding) {
      this.padding = padding;
      return this;
    }

    public Builder optBias(boolean bias) {
      this.bias = bias;
      return this;
    }

    public Conv2dBlock build() {
      if (inChannels <= 0 || outChannels <= 0) {
        throw new IllegalArgumentException("channels must be set and positive");
      }
      if (kernel <= 0) {
        throw new IllegalArgumentException("kernel must be set and positive");
      }
      if (stride <= 0) {
        throw new IllegalArgumentException("stride must be positive");
      }
      return new Conv2dBlock(this);
    }
  }
}
