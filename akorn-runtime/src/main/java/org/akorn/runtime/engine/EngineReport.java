package org.akorn.runtime.engine;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the engine self-check found: the engine's own results, the convolution path chosen, the
 * results of that path when it is a detour, and whether every check is now right.
 *
 * @param engine the engine's own kernels: convolution and matmul checks
 * @param convolutionPath the path every convolution of the runtime takes
 * @param detour the chosen detour's convolution checks (empty when the engine's own are used)
 * @param forced true when the path was set by the {@value EngineChecks#PATH_PROPERTY} property
 * @param millis how long the checks took
 */
public record EngineReport(
    List<CheckResult> engine,
    ConvolutionPath convolutionPath,
    List<CheckResult> detour,
    boolean forced,
    long millis) {

  /** True when every operation the runtime relies on computes right values on the chosen paths. */
  public boolean healthy() {
    boolean convolutionRight =
        detour.isEmpty()
            ? engine.stream().filter(r -> r.name().startsWith("conv")).allMatch(CheckResult::passed)
            : detour.stream().allMatch(CheckResult::passed);
    boolean othersRight =
        engine.stream().filter(r -> !r.name().startsWith("conv")).allMatch(CheckResult::passed);
    return convolutionRight && othersRight;
  }

  /** The engine checks that failed. */
  public List<CheckResult> failures() {
    return engine.stream().filter(r -> !r.passed()).collect(Collectors.toList());
  }

  /** One line for the log. */
  public String summary() {
    String found =
        failures().isEmpty()
            ? "engine right on " + engine.size() + " checks"
            : "engine WRONG: "
                + failures().stream().map(CheckResult::toString).collect(Collectors.joining("; "));
    String path =
        "convolutions use " + convolutionPath.description() + (forced ? " (forced)" : "");
    String detourState =
        detour.isEmpty()
            ? ""
            : detour.stream().allMatch(CheckResult::passed)
                ? ", checked right"
                : ", which is wrong too: results of convolutions cannot be trusted on this machine";
    return String.format(
        Locale.ROOT, "engine self-check (%d ms): %s; %s%s", millis, found, path, detourState);
  }
}
