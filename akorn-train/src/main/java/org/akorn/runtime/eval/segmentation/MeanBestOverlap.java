package org.akorn.runtime.eval.segmentation;

import java.util.TreeSet;

/**
 * MBO: for every true object, the best intersection-over-union any predicted segment reaches,
 * averaged over the objects, as the paper's reference computes it (akorn
 * {@code source/evals/objs/mbo.py}): true ids 0 (background) and negative ("ignore") are not
 * objects; predicted segments are the predicted ids other than -1 over the pixels whose true id
 * is not negative, background pixels included; IoU is {@code |A and B| / (|A or B| + 1e-9)} over the
 * whole image.
 */
public final class MeanBestOverlap {

  /** What {@link #score} returns for an image without objects (the reference's -1). */
  public static final double NO_OBJECTS = -1.0;

  private MeanBestOverlap() {}

  /**
   * MBO of one image, or {@link #NO_OBJECTS} when the truth has no object: such images are left
   * out of the mean over a data set.
   */
  public static double score(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth has " + truth.length + " pixels, prediction " + predicted.length);
    }
    TreeSet<Integer> objects = new TreeSet<>();
    TreeSet<Integer> segments = new TreeSet<>();
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] > 0) {
        objects.add(truth[i]);
      }
      if (truth[i] >= 0 && predicted[i] != -1) {
        segments.add(predicted[i]);
      }
    }
    if (objects.isEmpty()) {
      return NO_OBJECTS;
    }
    double sum = 0;
    for (int object : objects) {
      double best = 0;
      for (int segment : segments) {
        long intersection = 0;
        long union = 0;
        for (int i = 0; i < truth.length; i++) {
          boolean inObject = truth[i] == object;
          boolean inSegment = truth[i] >= 0 && predicted[i] == segment;
          intersection += inObject && inSegment ? 1 : 0;
          union += inObject || inSegment ? 1 : 0;
        }
        best = Math.max(best, intersection / (union + 1e-9));
      }
      sum += best;
    }
    return sum / objects.size();
  }
}
