package org.akorn.runtime.engine;

import java.util.Locale;

/**
 * One engine self-check: which operation, whether the engine agreed with the independent
 * computation, the worst relative error seen ({@code max |engine - direct| / max(|direct|)}) and
 * the case it was seen on.
 */
public record CheckResult(String name, boolean passed, double worstError, String worstCase) {

  /** Relative errors above this are wrong results, not rounding (float32 sums of a few thousand terms stay below 1e-5). */
  public static final double TOLERANCE = 1e-3;

  static CheckResult of(String name, double worstError, String worstCase) {
    return new CheckResult(name, worstError <= TOLERANCE, worstError, worstCase);
  }

  /** For example {@code conv input gradient: right (worst error 2.1e-07 on B2 8->8 k3 9x7 s1 p1)}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %s (worst error %.1e on %s)",
        name,
        passed ? "right" : "WRONG",
        worstError,
        worstCase);
  }
}
