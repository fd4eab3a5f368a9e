package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses, per convolution geometry, the path its results come from: each distinct {@link ConvKey}
 * is verified once, before its first result is used, and then runs on the first path of {@link
 * ConvolutionPath#values()} (cheapest first) that computed right values against double precision
 * ({@link GeometryVerifier}). A geometry with no right path throws {@link
 * NoRightConvolutionException} on every call: a wrong number is never returned.
 *
 * <p>Plans are cached and the planner is thread-safe: concurrent first calls of one geometry verify
 * it once. One DEBUG line per geometry; one WARN line the first time a detour is chosen.
 */
public final class ConvolutionPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(ConvolutionPlanner.class);
  private static final ConvolutionPlanner SHARED =
      new ConvolutionPlanner(ConvolutionKernels.ENGINE, EngineChecks.SEED);

  private final ConvolutionKernels kernels;
  private final long seed;
  private final long budget;
  private final List<ConvolutionPath> order = List.copyOf(Arrays.asList(ConvolutionPath.values()));
  private final ConcurrentHashMap<ConvKey, Entry> plans = new ConcurrentHashMap<>();
  private final AtomicBoolean warned = new AtomicBoolean();

  /** A planner over {@code kernels}; verification data is drawn from {@code seed}. */
  public ConvolutionPlanner(ConvolutionKernels kernels, long seed) {
    this(kernels, seed, CheckPositions.BUDGET);
  }

  /** As above, with {@code budget} multiply-adds of double-precision checking per quantity. */
  ConvolutionPlanner(ConvolutionKernels kernels, long seed, long budget) {
    this.kernels = kernels;
    this.seed = seed;
    this.budget = budget;
  }

  /** The process's planner, over the engine's kernels: the one every runtime convolution uses. */
  public static ConvolutionPlanner shared() {
    return SHARED;
  }

  /** {@code conv(x, w) + b} ({@code b} may be null) on the path planned for its geometry. */
  public NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
    ConvolutionPlan plan = plan(ConvKey.of(x, w, stride, padding));
    return kernels.conv2d(plan.path(), x, w, b, stride, padding);
  }

  /** The plan of {@code key}, verifying it first if this planner has not yet. */
  public ConvolutionPlan plan(ConvKey key) {
    return plans.computeIfAbsent(key, k -> new Entry()).get(key);
  }

  /** Every geometry planned so far (failed ones excluded), in no particular order. */
  public List<ConvolutionPlan> plans() {
    List<ConvolutionPlan> out = new ArrayList<>();
    for (Entry e : plans.values()) {
      ConvolutionPlan p = e.plan;
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private ConvolutionPlan verify(ConvKey key) {
    long start = System.nanoTime();
    List<PathVerdict> tried = new GeometryVerifier(key, seed, budget).verify(order, kernels);
    long millis = (System.nanoTime() - start) / 1_000_000;
    PathVerdict last = tried.get(tried.size() - 1);
    if (!last.right()) {
      LOG.error("convolution {}: no right path: {}", key, tried);
      throw new NoRightConvolutionException(key, tried);
    }
    ConvolutionPlan plan = new ConvolutionPlan(key, last.path(), List.copyOf(tried), millis);
    LOG.debug("convolution plan {}", plan);
    if (plan.detour() && warned.compareAndSet(false, true)) {
      LOG.warn(
          "the engine's convolution kernels compute wrong values on this machine; such"
              + " convolutions run on exact detours, each verified (first: {}). `akorn doctor"
              + " --model FILE` lists a model's plan.",
          plan);
    }
    return plan;
  }

  /** One geometry's plan, computed once; a failure is remembered and thrown again. */
  private final class Entry {
    private volatile ConvolutionPlan plan;
    private NoRightConvolutionException failure;

    ConvolutionPlan get(ConvKey key) {
      ConvolutionPlan p = plan;
      if (p != null) {
        return p;
      }
      synchronized (this) {
        if (plan == null) {
          if (failure == null) {
            try {
              plan = verify(key);
            } catch (NoRightConvolutionException e) {
              failure = e;
            }
          }
          if (failure != null) {
            throw new NoRightConvolutionException(failure.key(), failure.tried());
          }
        }
        return plan;
      }
    }
  }
}
