package org.akorn.runtime.engine;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The path one convolution geometry runs on, and the verdicts that chose it: every path tried, in
 * order, the last one right.
 *
 * @param key the geometry and its context
 * @param path the first right path
 * @param tried the verdicts, cheapest path first; the last is {@code path}'s
 * @param millis how long the verification took
 */
public record ConvolutionPlan(
    ConvKey key, ConvolutionPath path, List<PathVerdict> tried, long millis) {

  /** True when the geometry runs on another path than the engine's own kernels. */
  public boolean detour() {
    return path != ConvolutionPath.ENGINE;
  }

  /** One line, e.g. {@code B2 40->24 k3 16x16 s2 p1 float32 cpu(): engine kernels (right, 3 ms)}. */
  @Override
  public String toString() {
    String why =
        detour()
            ? "; "
                + tried.stream()
                    .filter(v -> !v.right())
                    .map(PathVerdict::toString)
                    .collect(Collectors.joining("; "))
            : "";
    return String.format(
        Locale.ROOT, "%s: %s (checked right, %d ms%s)", key, path.description(), millis, why);
  }
}
