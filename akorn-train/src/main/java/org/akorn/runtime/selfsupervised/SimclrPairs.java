package org.akorn.runtime.selfsupervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.akorn.runtime.data.objects.ObjectImageGenerator;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.data.Permutations;

/**
 * Training batches for SimCLR: each call takes the next B images and returns their two augmented
 * views as one array {@code [2B, 3, size, size]} (views of image i at rows 2i and 2i + 1), what
 * {@link NtXentLoss} expects of the model's features. Images come from a generator (a fresh image
 * every time, never repeating) or from a fixed list (reshuffled every pass, as an epoch).
 * Deterministic for a given seed.
 */
public final class SimclrPairs {

  private final SimclrAugmentation augmentation;
  private final ObjectImageGenerator generator;
  private final List<SegmentedImage> fixed;
  private final long seed;
  private final SplittableRandom random;
  private long next;
  private int[] order;
  private int position;

  private SimclrPairs(SimclrAugmentation augmentation, ObjectImageGenerator generator,
      List<SegmentedImage> fixed, long seed) {
    this.augmentation = augmentation;
    this.generator = generator;
    this.fixed = fixed;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /** Pairs of fresh generated images: image j of the generator's set {@code seed}. */
  public static SimclrPairs generated(
      ObjectImageGenerator generator, SimclrAugmentation augmentation, long seed) {
    return new SimclrPairs(augmentation, generator, null, seed);
  }

  /** Pairs of the given images, all of one size, in a new random order every pass. */
  public static SimclrPairs of(
      List<SegmentedImage> images, SimclrAugmentation augmentation, long seed) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images to train on");
    }
    return new SimclrPairs(augmentation, null, List.copyOf(images), seed);
  }

  /** The next {@code images} images' two views each, {@code [2B, 3, size, size]}. */
  public NDArray next(NDManager manager, int images) {
    List<float[]> rgb = new ArrayList<>(images);
    SegmentedImage first = null;
    for (int i = 0; i < images; i++) {
      SegmentedImage image = nextImage();
      if (first == null) {
        first = image;
      } else if (image.height() != first.height() || image.width() != first.width()) {
        throw new IllegalArgumentException("training images differ in size: " + first.height()
            + "x" + first.width() + " and " + image.height() + "x" + image.width());
      }
      rgb.add(image.rgb());
    }
    float[] batch = augmentation.pairs(rgb, first.height(), first.width(), random);
    int s = augmentation.size();
    return manager.create(batch, new Shape(2L * images, 3, s, s));
  }

  private SegmentedImage nextImage() {
    if (generator != null) {
      return generator.image(seed, next++);
    }
    if (order == null || position == order.length) {
      order = Permutations.of(fixed.size(), random);
      position = 0;
    }
    return fixed.get(order[position++]);
  }
}
