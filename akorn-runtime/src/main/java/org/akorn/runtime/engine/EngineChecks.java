package org.akorn.runtime.engine;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's check of its engine, run once per process on first use: convolution (forward,
 * input and weight gradients) and batched matmul against double-precision loops. When the engine's
 * convolution kernels are wrong on this CPU, the exact detours are checked in turn (channels padded
 * to multiples of 16, then unfolded matrix products) and the first right one is used by every convolution
 * of the runtime. One INFO line (WARN when something is wrong) says what was found.
 *
 * <p>This is process-wide state by nature: the CPU and the native library are the process's. The
 * system property {@value #PATH_PROPERTY} ({@code engine}, {@code padded} or {@code unfolded}) forces
 * a path; {@link #force} does so for the running process.
 */
public final class EngineChecks {
  /** System property that forces the convolution path: {@code engine}, {@code padded}, {@code unfolded}. */
  public static final String PATH_PROPERTY = "akorn.convolution";

  static final long SEED = 20250101L;
  private static final Logger LOG = LoggerFactory.getLogger(EngineChecks.class);
  private static volatile EngineReport report;
  private static volatile ConvolutionPath forced;

  private EngineChecks() {}

  /** The check's findings, running it first if this process has not yet. */
  public static EngineReport report() {
    EngineReport r = report;
    if (r == null) {
      synchronized (EngineChecks.class) {
        r = report;
        if (r == null) {
          r = runChecks();
          report = r;
          if (r.healthy()) {
            LOG.info(r.summary());
          } else {
            LOG.warn(r.summary());
          }
        }
      }
    }
    return r;
  }

  /** The path every convolution of the runtime takes now. */
  public static ConvolutionPath convolutionPath() {
    ConvolutionPath f = forced;
    return f != null ? f : report().convolutionPath();
  }

  /**
   * Forces {@code path} for every convolution of this process until the returned handle is closed
   * (then the previous choice applies again). For tests and diagnostics.
   */
  public static AutoCloseable force(ConvolutionPath path) {
    ConvolutionPath previous = forced;
    forced = path;
    return () -> forced = previous;
  }

  private static EngineReport runChecks() {
    long start = System.nanoTime();
    List<CheckResult> conv =
        ConvolutionCheck.run(ConvolutionPath.ENGINE, ConvolutionCheck.SHAPES, SEED);
    List<CheckResult> engine =
        new java.util.ArrayList<>(conv);
    engine.addAll(MatmulCheck.run(SEED + 1));
    ConvolutionPath property = pathFromProperty();
    ConvolutionPath path = ConvolutionPath.ENGINE;
    List<CheckResult> detour = List.of();
    if (property != null) {
      path = property;
      if (property != ConvolutionPath.ENGINE) {
        detour = ConvolutionCheck.run(property, ConvolutionCheck.SHAPES, SEED);
      }
    } else if (!conv.stream().allMatch(CheckResult::passed)) {
      for (ConvolutionPath candidate :
          List.of(ConvolutionPath.PADDED_CHANNELS, ConvolutionPath.UNFOLDED_MATMUL)) {
        path = candidate;
        detour = ConvolutionCheck.run(candidate, ConvolutionCheck.SHAPES, SEED);
        if (detour.stream().allMatch(CheckResult::passed)) {
          break;
        }
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new EngineReport(List.copyOf(engine), path, detour, property != null, millis);
  }

  /** The path named by {@value #PATH_PROPERTY}, or null when unset or {@code auto}. */
  static ConvolutionPath pathFromProperty() {
    String value = System.getProperty(PATH_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    switch (value) {
      case "auto":
      case "":
        return null;
      case "engine":
        return ConvolutionPath.ENGINE;
      case "padded":
        return ConvolutionPath.PADDED_CHANNELS;
      case "unfolded":
        return ConvolutionPath.UNFOLDED_MATMUL;
      default:
        throw new IllegalArgumentException(
            PATH_PROPERTY + " must be auto, engine, padded or unfolded, got '" + value + "'");
    }
  }
}
