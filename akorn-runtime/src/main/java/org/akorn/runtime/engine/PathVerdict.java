package org.akorn.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the verification of one convolution path on one geometry found: the relative errors ({@code
 * max |path - oracle| / max |oracle|} over the checked positions) of the forward output, the input
 * gradient and the weight gradient (bias gradient included); a gradient that was not checked
 * (inference) is NaN. Errors above {@code tolerance} are wrong results.
 */
public record PathVerdict(
    ConvolutionPath path,
    double forward,
    double inputGradient,
    double weightGradient,
    double tolerance) {

  /**
   * The tolerance on a CPU in float32 or float64: rounding stays below 1e-5 there, and the wrong
   * kernels measured were off by more than 1e-2.
   */
  public static final double TOLERANCE = 1e-4;

  /**
   * The tolerance on a GPU: its float32 convolutions may use TF32 (10-bit mantissa) by the engine's
   * default, which is a choice of precision, not a wrong kernel.
   */
  public static final double GPU_TOLERANCE = 5e-3;

  /** Half-precision types: 8 to 11 bits of mantissa. */
  public static final double HALF_TOLERANCE = 2e-2;

  /** A verdict under the CPU tolerance. */
  public PathVerdict(
      ConvolutionPath path, double forward, double inputGradient, double weightGradient) {
    this(path, forward, inputGradient, weightGradient, TOLERANCE);
  }

  /** The tolerance for convolutions of {@code key}. */
  public static double toleranceFor(ConvKey key) {
    switch (key.dataType()) {
      case FLOAT16:
      case BFLOAT16:
        return HALF_TOLERANCE;
      default:
        return key.device().isGpu() ? GPU_TOLERANCE : TOLERANCE;
    }
  }

  /** True when every checked quantity is within {@link #TOLERANCE}. */
  public boolean right() {
    return within(forward) && within(inputGradient) && within(weightGradient);
  }

  private boolean within(double e) {
    return Double.isNaN(e) || e <= tolerance;
  }

  /** The quantities that were wrong, with their errors, e.g. {@code input gradient 2.0e-01}. */
  public List<String> wrongQuantities() {
    List<String> out = new ArrayList<>();
    add(out, "forward", forward);
    add(out, "input gradient", inputGradient);
    add(out, "weight gradient", weightGradient);
    return out;
  }

  private void add(List<String> out, String name, double e) {
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
