package org.akorn.runtime.eval.segmentation;

import java.util.HashMap;
import java.util.Map;

/**
 * FG-ARI: the adjusted Rand index between the true and the predicted segmentation over the
 * foreground pixels only (true id > 0), as the paper's reference scores object discovery
 * (akorn {@code source/evals/objs/fgari.py}: sklearn's {@code adjusted_rand_score} on the pixels
 * where the true label is positive).
 *
 * <p>The index follows sklearn's pair-counting form: with {@code tp, tn, fp, fn} the ordered pixel
 * pairs that share / do not share a label in both, in the prediction only, in the truth only,
 * {@code ARI = 2 (tp tn - fn fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))}, and 1 when
 * {@code fn = fp = 0} (identical partitions, a single foreground pixel, or none at all).
 */
public final class ForegroundAri {

  private ForegroundAri() {}

  /**
   * FG-ARI of one image.
   *
   * @param truth true ids per pixel; 0 (and negative, "ignore") pixels are left out
   * @param predicted predicted cluster ids per pixel, any integers
   */
  public static double score(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "truth has " + truth.length + " pixels, prediction " + predicted.length);
    }
    Map<Long, Long> joint = new HashMap<>();
    Map<Integer, Long> rows = new HashMap<>();
    Map<Integer, Long> columns = new HashMap<>();
    long n = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] <= 0) {
        continue;
      }
      n++;
      joint.merge(((long) truth[i] << 32) ^ (predicted[i] & 0xFFFFFFFFL), 1L, Long::sum);
      rows.merge(truth[i], 1L, Long::sum);
      columns.merge(predicted[i], 1L, Long::sum);
    }
    double sumSquares = 0;
    for (long c : joint.values()) {
      sumSquares += (double) c * c;
    }
    double rowSquares = 0;
    for (long c : rows.values()) {
      rowSquares += (double) c * c;
    }
    double columnSquares = 0;
    for (long c : columns.values()) {
      columnSquares += (double) c * c;
    }
    double tp = sumSquares - n;
    double fp = columnSquares - sumSquares; // same prediction, different truth
    double fn = rowSquares - sumSquares; // same truth, different prediction
    double tn = (double) n * n - fp - fn - sumSquares;
    if (fn == 0 && fp == 0) {
      return 1.0;
    }
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
  }
}
