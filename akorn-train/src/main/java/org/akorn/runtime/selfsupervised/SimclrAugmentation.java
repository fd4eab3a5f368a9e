package org.akorn.runtime.selfsupervised;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The two-view augmentation of SimCLR training, with the reference's settings for object
 * discovery (akorn {@code source/data/augs.py}, {@code simclr_augmentation(imsize,
 * hflip=False)}): {@code RandomResizedCrop(imsize)} (area fraction in [0.08, 1], aspect ratio in
 * [3/4, 4/3]), an optional horizontal flip (off for Tetrominoes, dSprites, CLEVR and Shapes; on,
 * with probability 0.5, for ImageNet), then the colour distortion of strength 0.5: {@code
 * ColorJitter(0.4, 0.4, 0.4, 0.1)} with probability 0.8 and grey with probability 0.2.
 *
 * @param size output side
 * @param minScale smallest crop area, as a fraction of the image
 * @param maxScale largest crop area
 * @param flipProbability chance of a horizontal flip
 * @param jitterProbability chance of the colour jitter
 * @param brightness brightness strength (factor in [1 - b, 1 + b])
 * @param contrast contrast strength
 * @param saturation saturation strength
 * @param hue largest hue shift, in turns
 * @param grayscaleProbability chance of conversion to grey
 */
public record SimclrAugmentation(
    int size,
    double minScale,
    double maxScale,
    double flipProbability,
    double jitterProbability,
    double brightness,
    double contrast,
    double saturation,
    double hue,
    double grayscaleProbability) {

  public SimclrAugmentation {
    if (size <= 0) {
      throw new IllegalArgumentException("augmentation size must be positive, got " + size);
    }
    if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
      throw new IllegalArgumentException(
          "crop scale must satisfy 0 < min <= max <= 1, got " + minScale + ".." + maxScale);
    }
  }

  /** The reference's object-discovery augmentation to {@code size x size}, no flips. */
  public static SimclrAugmentation reference(int size) {
    return new SimclrAugmentation(size, 0.08, 1.0, 0.0, 0.8, 0.4, 0.4, 0.4, 0.1, 0.2);
  }

  /** The same settings with horizontal flips of probability {@code p}. */
  public SimclrAugmentation withFlips(double p) {
    return new SimclrAugmentation(size, minScale, maxScale, p, jitterProbability, brightness,
        contrast, saturation, hue, grayscaleProbability);
  }

  /** One augmented view of {@code rgb [3, height, width]}: {@code [3, size, size]}. */
  public float[] apply(float[] rgb, int height, int width, SplittableRandom random) {
    if (rgb.length != 3 * height * width) {
      throw new IllegalArgumentException("image holds " + rgb.length + " values, expected 3x"
          + height + "x" + width);
    }
    RandomResizedCrop.Box box =
        RandomResizedCrop.box(height, width, minScale, maxScale, random);
    float[] out = RandomResizedCrop.apply(rgb, height, width, box, size);
    if (random.nextDouble() < flipProbability) {
      flip(out, size);
    }
    ColourDistortion.apply(out, this, random);
    return out;
  }

  /**
   * Two views of every image, as one batch {@code [2B, 3, size, size]}: the views of image i are
   * rows 2i and 2i + 1, the layout {@link NtXentLoss} expects.
   */
  public float[] pairs(List<float[]> images, int height, int width, SplittableRandom random) {
    int view = 3 * size * size;
    float[] batch = new float[2 * images.size() * view];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(apply(images.get(i), height, width, random), 0, batch, 2 * i * view, view);
      System.arraycopy(
          apply(images.get(i), height, width, random), 0, batch, (2 * i + 1) * view, view);
    }
    return batch;
  }

  static void flip(float[] rgb, int size) {
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < size; y++) {
        int row = (c * size + y) * size;
        for (int x = 0; x < size / 2; x++) {
          float t = rgb[row + x];
          rgb[row + x] = rgb[row + size - 1 - x];
          rgb[row + size - 1 - x] = t;
        }
      }
    }
  }
}
