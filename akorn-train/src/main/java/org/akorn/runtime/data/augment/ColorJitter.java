package org.akorn.runtime.data.augment;

import java.util.SplittableRandom;

/**
 * torchvision's {@code ColorJitter}: brightness, contrast and saturation factors uniform in
 * {@code [1 - s, 1 + s]}, a hue shift uniform in {@code [-hue, hue]}, applied in a random order.
 * Saturation and hue leave grey images as they are, so those get brightness and contrast only.
 */
public record ColorJitter(double brightness, double contrast, double saturation, double hue)
    implements ImageAugmentation {

  public ColorJitter {
    if (!(brightness >= 0 && brightness <= 1 && contrast >= 0 && contrast <= 1
        && saturation >= 0 && saturation <= 1 && hue >= 0 && hue <= 0.5)) {
      throw new IllegalArgumentException("colour jitter strengths must be in [0, 1] (hue in"
          + " [0, 0.5])");
    }
  }

  /** The reference's strengths: 0.4, 0.4, 0.4, 0.1. */
  public static ColorJitter reference() {
    return new ColorJitter(0.4, 0.4, 0.4, 0.1);
  }

  @Override
  public FloatImage apply(FloatImage image, SplittableRandom random) {
    int[] order = {0, 1, 2, 3};
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    double b = uniform(random, 1 - brightness, 1 + brightness);
    double c = uniform(random, 1 - contrast, 1 + contrast);
    double s = uniform(random, 1 - saturation, 1 + saturation);
    double h = uniform(random, -hue, hue);
    FloatImage out = image;
    for (int op : order) {
      out = switch (op) {
        case 0 -> ImageOps.brightness(out, b);
        case 1 -> ImageOps.contrast(out, c);
        case 2 -> ImageOps.saturation(out, s);
        default -> ImageOps.hue(out, h);
      };
    }
    return out == image ? image.copy() : out;
  }

  private static double uniform(SplittableRandom random, double from, double to) {
    return from + (to - from) * random.nextDouble();
  }
}
