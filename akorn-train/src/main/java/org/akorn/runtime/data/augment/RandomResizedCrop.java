package org.akorn.runtime.data.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomResizedCrop} back to the image's own size: a window of {@code
 * scale} times the area and an aspect ratio log-uniform in [{@code minRatio}, {@code maxRatio}]
 * (up to ten draws, then the central crop), resized bilinearly.
 *
 * @param minScale smallest share of the area (the reference uses 0.2)
 * @param maxScale largest share of the area (1)
 * @param minRatio smallest width / height (3/4)
 * @param maxRatio largest width / height (4/3)
 */
public record RandomResizedCrop(double minScale, double maxScale, double minRatio,
    double maxRatio) implements ImageAugmentation {

  public RandomResizedCrop {
    if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1 && minRatio > 0
        && minRatio <= maxRatio)) {
      throw new IllegalArgumentException("crop scale must be within (0, 1] and ratios positive,"
          + " each range in order");
    }
  }

  /** The reference's window: 0.2 to 1 of the area, ratio 3/4 to 4/3. */
  public static RandomResizedCrop reference() {
    return new RandomResizedCrop(0.2, 1, 3.0 / 4, 4.0 / 3);
  }

  /** The window {top, left, height, width} drawn for an {@code height x width} image. */
  public int[] window(int height, int width, SplittableRandom random) {
    double area = (double) height * width;
    double logMin = Math.log(minRatio);
    double logMax = Math.log(maxRatio);
    for (int attempt = 0; attempt < 10; attempt++) {
      double target = area * (minScale + (maxScale - minScale) * random.nextDouble());
      double aspect = Math.exp(logMin + (logMax - logMin) * random.nextDouble());
      int w = (int) Math.rint(Math.sqrt(target * aspect));
      int h = (int) Math.rint(Math.sqrt(target / aspect));
      if (w > 0 && w <= width && h > 0 && h <= height) {
        int top = random.nextInt(height - h + 1);
        int left = random.nextInt(width - w + 1);
        return new int[] {top, left, h, w};
      }
    }
    double ratio = (double) width / height;
    int w = width;
    int h = height;
    if (ratio < minRatio) {
      h = (int) Math.rint(w / minRatio);
    } else if (ratio > maxRatio) {
      w = (int) Math.rint(h * maxRatio);
    }
    return new int[] {(height - h) / 2, (width - w) / 2, h, w};
  }

  @Override
  public FloatImage apply(FloatImage image, SplittableRandom random) {
    int[] box = window(image.height(), image.width(), random);
    FloatImage window = ImageOps.crop(image, box[0], box[1], box[2], box[3]);
    return ImageOps.resizeBilinear(window, image.height(), image.width());
  }
}
