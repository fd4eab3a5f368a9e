package org.akorn.runtime.data.augment;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The augmentations a training run may use on image inputs: {@code none}, or {@code strong}, the
 * reference's {@code augmentation_strong} ({@code source/data/augs.py}): a random horizontal flip,
 * a random resized crop of 0.2 to 1 of the area, colour jitter 0.4 / 0.4 / 0.4 / 0.1 (brightness
 * and contrast only on grey images) and AugMix.
 */
public enum Augmentations implements ImageAugmentation {
  /** The images as they are. */
  NONE(List.of()),
  /** Flip, random resized crop, colour jitter, AugMix. */
  STRONG(List.of(new RandomFlip(0.5), RandomResizedCrop.reference(), ColorJitter.reference(),
      AugMix.reference()));

  private final List<ImageAugmentation> steps;

  Augmentations(List<ImageAugmentation> steps) {
    this.steps = steps;
  }

  /** The name as the command line takes it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One line naming the recipe, for reports and {@code run.properties}. */
  public String describe() {
    return this == NONE ? "none" : "strong: horizontal flip (p 0.5), random resized crop"
        + " (scale 0.2-1, ratio 3/4-4/3, bilinear), colour jitter (brightness 0.4, contrast 0.4,"
        + " saturation 0.4, hue 0.1; grey images: brightness and contrast), AugMix (width 3,"
        + " depth 1-3, severity 3, Dirichlet/Beta alpha 1)";
  }

  /**
   * The augmentation named {@code label} ({@code none} or {@code strong}).
   *
   * @throws IllegalArgumentException naming the choices
   */
  public static Augmentations parse(String label) {
    for (Augmentations a : values()) {
      if (a.label().equals(label)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown augmentation '" + label
        + "'; choose none or strong");
  }

  @Override
  public FloatImage apply(FloatImage image, SplittableRandom random) {
    FloatImage out = image.copy();
    for (ImageAugmentation step : steps) {
      out = step.apply(out, random);
    }
    return out;
  }
}
