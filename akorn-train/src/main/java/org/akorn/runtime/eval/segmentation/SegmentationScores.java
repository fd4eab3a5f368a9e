package org.akorn.runtime.eval.segmentation;

import java.util.List;

/**
 * FG-ARI and MBO over a set of images, averaged as the reference's {@code eval_obj.py} does:
 * FG-ARI over every image, MBO over the images that have at least one object (0 when none has).
 *
 * @param fgAri mean FG-ARI
 * @param mbo mean MBO
 * @param images images scored
 */
public record SegmentationScores(double fgAri, double mbo, int images) {

  /**
   * Scores predictions against the truth, image by image.
   *
   * @param truth per image, true ids per pixel (0 background, negative ignored)
   * @param predicted per image, predicted ids per pixel
   */
  public static SegmentationScores of(List<int[]> truth, List<int[]> predicted) {
    if (truth.size() != predicted.size()) {
      throw new IllegalArgumentException(
          truth.size() + " true masks but " + predicted.size() + " predictions");
    }
    double ari = 0;
    double mbo = 0;
    int withObjects = 0;
    for (int i = 0; i < truth.size(); i++) {
      ari += ForegroundAri.score(truth.get(i), predicted.get(i));
      double m = MeanBestOverlap.score(truth.get(i), predicted.get(i));
      if (m != MeanBestOverlap.NO_OBJECTS) {
        mbo += m;
        withObjects++;
      }
    }
    return new SegmentationScores(
        truth.isEmpty() ? 0 : ari / truth.size(), withObjects == 0 ? 0 : mbo / withObjects,
        truth.size());
  }
}
