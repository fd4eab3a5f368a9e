package org.akorn.runtime.data.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded source of multi-object images with exact masks. */
public interface ObjectImageGenerator {

  /** Image height and width. */
  int size();

  /** One image drawn from {@code random}. */
  SegmentedImage sample(SplittableRandom random);

  /**
   * Image {@code index} of the set named by {@code seed}: a function of both alone, so any image
   * can be regenerated without the ones before it.
   */
  default SegmentedImage image(long seed, long index) {
    return sample(new SplittableRandom(mix(seed, index)));
  }

  /** Images {@code first .. first + count - 1} of the set named by {@code seed}. */
  default List<SegmentedImage> images(long seed, long first, int count) {
    List<SegmentedImage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(image(seed, first + i));
    }
    return out;
  }

  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
