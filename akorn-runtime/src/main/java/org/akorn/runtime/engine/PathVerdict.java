package org.akorn.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the verification of one convolution path on one geometry found: the relative errors ({@code
 * max |path - oracle| / max |oracle|} over the checked positions) of the forward output, the input
 * gradient and the weight gradient (bias gradient included); a gradient that was not checked
 * (inference) is NaN.
 */
public record PathVerdict(
    ConvolutionPath path, double forward, double inputGradient, double weightGradient) {

  /** Relative errors above this are wrong results: float32 rounding stays below 1e-5 here. */
  public static final double TOLERANCE = 1e-4;

  /** True when every checked quantity is within {@link #TOLERANCE}. */
  public boolean right() {
    return within(forward) && within(inputGradient) && within(weightGradient);
  }

  private static boolean within(double e) {
    return Double.isNaN(e) || e <= TOLERANCE;
  }

  /** The quantities that were wrong, with their errors, e.g. {@code input gradient 2.0e-01}. */
  public List<String> wrongQuantities() {
    List<String> out = new ArrayList<>();
    add(out, "forward", forward);
    add(out, "input gradient", inputGradient);
    add(out, "weight gradient", weightGradient);
    return out;
  }

  private static void add(List<String> out, String name, double e) {
    if (!within(e)) {
      out.add(String.format(Locale.ROOT, "%s %.1e", name, e));
    }
  }

  /** For example {@code engine kernels: WRONG (forward 2.5e-01, input gradient Infinity)}. */
  @Override
  public String toString() {
    return path.description()
        + (right()
            ? String.format(
                Locale.ROOT, ": right (worst %.1e)", worst())
            : ": WRONG (" + String.join(", ", wrongQuantities()) + ")");
  }

  private double worst() {
    double w = 0;
    for (double e : new double[] {forward, inputGradient, weightGradient}) {
      if (!Double.isNaN(e)) {
        w = Math.max(w, e);
      }
    }
    return w;
  }
}
