package org.akorn.runtime.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected calibration error (Guo et al. 2017): predictions are binned by their confidence (the
 * largest softmax probability) into equal-width bins over [0, 1], bin b holding confidences in
 * (b/n, (b+1)/n] (the first bin also holds 0); ECE = sum over bins of |accuracy - mean
 * confidence| weighted by the bin's share of the predictions.
 */
public final class Calibration {
  private Calibration() {}

  /** One bin of a reliability diagram. */
  public record Bin(double lower, double upper, int count, double accuracy, double confidence) {}

  /** ECE and its bins. */
  public record Result(double ece, List<Bin> bins) {}

  /**
   * Computes the ECE over {@code bins} equal-width bins.
   *
   * @param confidence per prediction, in [0, 1]
   * @param correct per prediction
   */
  public static Result of(double[] confidence, boolean[] correct, int bins) {
    if (confidence.length != correct.length || confidence.length == 0) {
      throw new IllegalArgumentException("need as many confidences as outcomes, at least one; got "
          + confidence.length + " and " + correct.length);
    }
    int[] count = new int[bins];
    double[] hits = new double[bins];
    double[] conf = new double[bins];
    for (int i = 0; i < confidence.length; i++) {
      double c = confidence[i];
      if (!(c >= 0 && c <= 1)) {
        throw new IllegalArgumentException("confidence " + c + " is outside [0, 1]");
      }
      int b = Math.max(0, Math.min(bins - 1, (int) Math.ceil(c * bins) - 1));
      count[b]++;
      hits[b] += correct[i] ? 1 : 0;
      conf[b] += c;
    }
    double ece = 0;
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      double acc = count[b] == 0 ? 0 : hits[b] / count[b];
      double mean = count[b] == 0 ? 0 : conf[b] / count[b];
      ece += Math.abs(acc - mean) * count[b] / confidence.length;
      out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], acc, mean));
    }
    return new Result(ece, List.copyOf(out));
  }
}
