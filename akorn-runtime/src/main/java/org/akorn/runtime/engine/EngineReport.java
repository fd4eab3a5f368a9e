package org.akorn.runtime.engine;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the engine self-check found: the engine's own kernels on fixed shapes, and the plans of
 * those shapes (the path each convolution geometry runs on, verified).
 *
 * @param engine the engine's own kernels: convolution and matmul checks
 * @param plans the verified plans of the check shapes
 * @param unplannable the check shapes with no right convolution path
 * @param forced the path forced for every convolution, or null when planned per geometry
 * @param millis how long the checks took
 */
public record EngineReport(
    List<CheckResult> engine,
    List<ConvolutionPlan> plans,
    List<NoRightConvolutionException> unplannable,
    ConvolutionPath forced,
    long millis) {

  /**
   * True when every operation the runtime relies on computes right values on the paths in use:
   * every check shape has a right convolution path, and the other engine checks pass.
   */
  public boolean healthy() {
    boolean othersRight =
        engine.stream().filter(r -> !r.name().startsWith("conv")).allMatch(CheckResult::passed);
    return unplannable.isEmpty() && othersRight;
  }

  /** The engine checks that failed. */
  public List<CheckResult> failures() {
    return engine.stream().filter(r -> !r.passed()).collect(Collectors.toList());
  }

  /** The plans that route around the engine's kernels. */
  public List<ConvolutionPlan> detours() {
    return plans.stream().filter(ConvolutionPlan::detour).collect(Collectors.toList());
  }

  /** One line for the log. */
  public String summary() {
    String found =
        failures().isEmpty()
            ? "engine right on " + engine.size() + " checks"
            : "engine WRONG: "
                + failures().stream().map(CheckResult::toString).collect(Collectors.joining("; "));
    String planned =
        unplannable.isEmpty()
            ? detours().isEmpty()
                ? "every convolution shape checked runs on engine kernels"
                : detours().size()
                    + " of "
                    + plans.size()
                    + " convolution shapes checked run on exact detours, verified right"
            : unplannable.size()
                + " convolution shapes have no right path: results of convolutions cannot be"
                + " trusted on this machine";
    String forcedNote =
        forced == null ? "" : "; every convolution forced onto " + forced.description();
    return String.format(
        Locale.ROOT, "engine self-check (%d ms): %s; %s%s", millis, found, planned, forcedNote);
  }
}
