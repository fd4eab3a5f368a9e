package org.akorn.runtime.data.objects;

/**
 * An RGB image with its ground-truth object mask.
 *
 * <p>{@code rgb} is channel-major {@code [3, height, width]} in [0, 1] (the layout a model's
 * {@code image} input takes); {@code mask} is {@code [height, width]}: 0 is background, 1..K are
 * the objects. The arrays are shared, not copied: treat them as read-only.
 *
 * @param height rows
 * @param width columns
 * @param rgb pixel values, {@code rgb[(c * height + y) * width + x]}
 * @param mask object ids, {@code mask[y * width + x]}
 */
public record SegmentedImage(int height, int width, float[] rgb, int[] mask) {

  public SegmentedImage {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
    }
    if (rgb.length != 3 * height * width) {
      throw new IllegalArgumentException(
          "rgb holds " + rgb.length + " values, expected 3x" + height + "x" + width);
    }
    if (mask.length != height * width) {
      throw new IllegalArgumentException(
          "mask holds " + mask.length + " values, expected " + height + "x" + width);
    }
  }

  /** The largest object id in the mask (the number of objects when ids are 1..K). */
  public int objectCount() {
    int max = 0;
    for (int id : mask) {
      max = Math.max(max, id);
    }
    return max;
  }

  /** Channel {@code c} (0 red, 1 green, 2 blue) at row {@code y}, column {@code x}. */
  public float value(int c, int y, int x) {
    return rgb[(c * height + y) * width + x];
  }

  /** The object id at row {@code y}, column {@code x}. */
  public int objectAt(int y, int x) {
    return mask[y * width + x];
  }
}
