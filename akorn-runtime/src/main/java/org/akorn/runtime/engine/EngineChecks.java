package org.akorn.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's self-check, for {@code akorn doctor}: the engine's own convolution kernels on a few
 * small shapes and its batched matmul against double-precision loops, and the plans the {@link
 * ConvolutionPlanner} makes for those shapes. Convolutions do not wait for it: each geometry is
 * verified where it runs, by the planner.
 *
 * <p>The system property {@value #PATH_PROPERTY} ({@code engine}, {@code padded}, {@code
 * stride1}, {@code padded-stride1} or {@code unfolded}) forces one path for every convolution of
 * the process, unverified, for comparisons; {@code auto} (the default) plans per geometry. {@link
 * #force} does the same for the running process.
 */
public final class EngineChecks {
  /** System property that forces the convolution path. */
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
            LOG.debug(r.summary());
          } else {
            LOG.warn(r.summary());
          }
        }
      }
    }
    return r;
  }

  /**
   * The path forced for every convolution ({@link #force} or {@value #PATH_PROPERTY}), or null when
   * each geometry is planned.
   */
  public static ConvolutionPath forcedPath() {
    ConvolutionPath f = forced;
    return f != null ? f : pathFromProperty();
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
    List<CheckResult> engine =
        new ArrayList<>(ConvolutionCheck.run(ConvolutionPath.ENGINE, ConvolutionCheck.SHAPES, SEED));
    engine.addAll(MatmulCheck.run(SEED + 1));
    List<ConvolutionPlan> plans = new ArrayList<>();
    List<NoRightConvolutionException> failures = new ArrayList<>();
    for (ConvGeometry g : ConvolutionCheck.SHAPES) {
      try {
        plans.add(ConvolutionPlanner.shared().plan(ConvKey.cpuFloat(g, true)));
      } catch (NoRightConvolutionException e) {
        failures.add(e);
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new EngineReport(
        List.copyOf(engine), List.copyOf(plans), List.copyOf(failures), forcedPath(), millis);
  }

  /** The path named by {@value #PATH_PROPERTY}, or null when unset or {@code auto}. */
  static ConvolutionPath pathFromProperty() {
    String raw = System.getProperty(PATH_PROPERTY);
    if (raw == null) {
      return null;
    }
    String value = raw.trim().toLowerCase(Locale.ROOT);
    switch (value) {
      case "auto":
      case "":
        return null;
      case "engine":
        return ConvolutionPath.ENGINE;
      case "padded":
        return ConvolutionPath.PADDED_CHANNELS;
      case "stride1":
        return ConvolutionPath.STRIDE_ONE_SUBSAMPLED;
      case "padded-stride1":
        return ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED;
      case "unfolded":
        return ConvolutionPath.UNFOLDED_MATMUL;
      default:
        throw new IllegalArgumentException(
            PATH_PROPERTY
                + " must be auto, engine, padded, stride1, padded-stride1 or unfolded, got '"
                + value
                + "'");
    }
  }
}
