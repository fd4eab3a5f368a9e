package org.akorn.runtime.data.augment;

import java.util.SplittableRandom;

/** torchvision's {@code RandomHorizontalFlip}: mirrors the columns with probability {@code p}. */
public record RandomFlip(double p) implements ImageAugmentation {
  public RandomFlip {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("flip probability must be in [0, 1], got " + p);
    }
  }

  @Override
  public FloatImage apply(FloatImage image, SplittableRandom random) {
    return random.nextDouble() < p ? ImageOps.flipHorizontal(image) : image.copy();
  }
}
