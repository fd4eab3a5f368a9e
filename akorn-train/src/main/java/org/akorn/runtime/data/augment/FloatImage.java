package org.akorn.runtime.data.augment;

import java.util.Arrays;

/**
 * One image as floats in [0, 1], channel-major ({@code [C, H, W]}, row-major within a channel),
 * as a data set's image column holds an example. One channel is grey, three are RGB.
 *
 * @param channels C
 * @param height H
 * @param width W
 * @param values {@code C * H * W} values; owned by the image (operations return new images)
 */
public record FloatImage(int channels, int height, int width, float[] values) {

  public FloatImage {
    if (channels < 1 || height < 1 || width < 1
        || values.length != (long) channels * height * width) {
      throw new IllegalArgumentException("an image [" + channels + ", " + height + ", " + width
          + "] needs " + (long) channels * height * width + " values, got " + values.length);
    }
  }

  /** An image of zeros. */
  public static FloatImage zeros(int channels, int height, int width) {
    return new FloatImage(channels, height, width, new float[channels * height * width]);
  }

  /** The value of channel {@code c} at row {@code y}, column {@code x}. */
  public float get(int c, int y, int x) {
    return values[(c * height + y) * width + x];
  }

  /** Sets the value of channel {@code c} at row {@code y}, column {@code x}. */
  public void set(int c, int y, int x, float v) {
    values[(c * height + y) * width + x] = v;
  }

  /** Whether the image has three (RGB) channels; colour operations leave other images alone. */
  public boolean isRgb() {
    return channels == 3;
  }

  /** A copy with its own values. */
  public FloatImage copy() {
    return new FloatImage(channels, height, width, values.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatImage f && f.channels == channels && f.height == height
        && f.width == width && Arrays.equals(f.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + channels * 961 + height * 31 + width;
  }

  @Override
  public String toString() {
    return "FloatImage[" + channels + ", " + height + ", " + width + "]";
  }
}
