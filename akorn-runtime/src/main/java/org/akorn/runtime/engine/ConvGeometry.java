package org.akorn.runtime.engine;

/**
 * The geometry of one 2-D convolution {@code [B, Cin, H, W] * [Cout, Cin, k, k] -> [B, Cout, H',
 * W']} with square kernel, equal stride and equal zero padding on both axes.
 */
public record ConvGeometry(
    int batch, int in, int out, int kernel, int height, int width, int stride, int padding) {

  public ConvGeometry {
    if (batch <= 0 || in <= 0 || out <= 0 || kernel <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("sizes must be positive: " + this);
    }
    if (stride <= 0 || padding < 0) {
      throw new IllegalArgumentException("stride must be positive and padding >= 0: " + this);
    }
    if (height + 2 * padding < kernel || width + 2 * padding < kernel) {
      throw new IllegalArgumentException("kernel larger than the padded input: " + this);
    }
  }

  /** The usual "same" padding {@code kernel / 2}. */
  public static ConvGeometry same(
      int batch, int in, int out, int kernel, int height, int width, int stride) {
    return new ConvGeometry(batch, in, out, kernel, height, width, stride, kernel / 2);
  }

  public int outHeight() {
    return (height + 2 * padding - kernel) / stride + 1;
  }

  public int outWidth() {
    return (width + 2 * padding - kernel) / stride + 1;
  }

  public int inputSize() {
    return batch * in * height * width;
  }

  public int weightSize() {
    return out * in * kernel * kernel;
  }

  public int outputSize() {
    return batch * out * outHeight() * outWidth();
  }

  @Override
  public String toString() {
    return String.format(
        "B%d %d->%d k%d %dx%d s%d p%d", batch, in, out, kernel, height, width, stride, padding);
  }
}
