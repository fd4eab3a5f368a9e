package org.akorn.runtime.data.augment;

import java.util.SplittableRandom;

/** A random change of an image whose parameters come from the given generator. */
@FunctionalInterface
public interface ImageAugmentation {
  /** A new image; {@code image} is not changed. */
  FloatImage apply(FloatImage image, SplittableRandom random);
}
