package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The planner over the engine's kernels with a CPU's measured faults replayed ({@link
 * FaultReplayKernels} over the shared fault map): on any machine, every geometry of the map must
 * end on the cheapest path that is right, and a geometry with no right path must throw.
 */
class ConvolutionPlannerTest {

  @Test
  void everyGeometryOfTheFaultMapEndsOnTheCheapestRightPath() {
    FaultTable table = FaultTable.load();
    FaultReplayKernels replay = new FaultReplayKernels(table.faults());
    // The replayed faults are uniform, so a small double-precision budget sees them all.
    ConvolutionPlanner planner = new ConvolutionPlanner(replay, 7, 1 << 14);
    Map<ConvolutionPath, Integer> chosen = new EnumMap<>(ConvolutionPath.class);
    for (ConvGeometry g : table.geometries()) {
      ConvolutionPlan plan = planner.plan(ConvKey.cpuFloat(g, true));
      ConvolutionPath cheapest = null;
      for (ConvolutionPath p : ConvolutionPath.values()) {
        if (p.distinctFor(g.stride()) && replay.right(g, p)) {
          cheapest = p;
          break;
        }
      }
      assertWithMessage("plan of %s: %s", g, plan).that(plan.path()).isEqualTo(cheapest);
      for (PathVerdict v : plan.tried()) {
        double[] replayed = replay.errors(g, v.path());
        assertWithMessage("%s on %s", v, g).that(v.right()).isEqualTo(v.path() == cheapest);
        assertSameSize(g + " forward " + v, v.forward(), replayed[0]);
        assertSameSize(g + " input gradient " + v, v.inputGradient(), replayed[1]);
        assertSameSize(g + " weight gradient " + v, v.weightGradient(), replayed[2]);
      }
      chosen.merge(plan.path(), 1, Integer::sum);
    }
    // The map: 1000 geometries, the engine wrong on 760, the padded path wrong on 156 of those
    // (155 stride-2 input gradients, which the padded stride-1 decomposition gets right, and one
    // stride-1 forward, for which only the unfolded product is left).
    assertThat(chosen)
        .containsExactly(
            ConvolutionPath.ENGINE, 240,
            ConvolutionPath.PADDED_CHANNELS, 604,
            ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED, 155,
            ConvolutionPath.UNFOLDED_MATMUL, 1);
  }

  /** A verdict's error against the replayed one: equal within 1 % when wrong, tiny when right. */
  private static void assertSameSize(String what, double measured, double replayed) {
    if (replayed <= PathVerdict.TOLERANCE) {
      assertWithMessage(what).that(measured).isAtMost(1e-5);
    } else if (Double.isInfinite(replayed)) {
      assertWithMessage(what).that(measured).isAtLeast(1e29);
    } else {
      assertWithMessage(what).that(measured).isWithin(0.01 * replayed).of(replayed);
    }
  }

  @Test
  void aGeometryWithEveryPathWrongThrowsEveryTimeAndNeverReturnsAResult() {
    ConvGeometry g = new ConvGeometry(2, 40, 24, 3, 9, 9, 2, 1);
    Map<FaultReplayKernels.Site, double[]> faults = new java.util.LinkedHashMap<>();
    for (ConvolutionPath p : ConvolutionPath.values()) {
      faults.put(new FaultReplayKernels.Site(g, p), new double[] {0, 0.25, 0});
    }
    ConvolutionPlanner planner = new ConvolutionPlanner(new FaultReplayKernels(faults), 7);
    NoRightConvolutionException e =
        assertThrows(
            NoRightConvolutionException.class, () -> planner.plan(ConvKey.cpuFloat(g, true)));
    assertThat(e.tried().stream().map(PathVerdict::path).toList())
        .containsExactly(
            ConvolutionPath.ENGINE,
            ConvolutionPath.PADDED_CHANNELS,
            ConvolutionPath.STRIDE_ONE_SUBSAMPLED,
            ConvolutionPath.PADDED_STRIDE_ONE_SUBSAMPLED,
            ConvolutionPath.UNFOLDED_MATMUL)
        .inOrder();
    assertThat(e).hasMessageThat().startsWith(
        "no convolution path computes right values for B2 40->24 k3 9x9 s2 p1 float32 cpu()"
            + " with gradients on this machine: engine kernels: WRONG (input gradient 2.5e-01);");
    // Inference of the same geometry needs only the forward pass, which is right.
    assertThat(planner.plan(ConvKey.cpuFloat(g, false)).path()).isEqualTo(ConvolutionPath.ENGINE);
    // Called with arrays, the failure is thrown again: no result comes back.
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.ones(new Shape(2, 40, 9, 9));
      NDArray w = m.ones(new Shape(24, 40, 3, 3));
      x.setRequiresGradient(true);
      try (ai.djl.training.GradientCollector gc =
          ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        assertThrows(NoRightConvolutionException.class, () -> planner.conv2d(x, w, null, 2, 1));
      }
    }
  }

  @Test
  void concurrentFirstCallsVerifyAGeometryOnce() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    ConvolutionKernels counting =
        (path, x, w, b, stride, padding) -> {
          runs.incrementAndGet();
          return path.conv2d(x, w, b, stride, padding);
        };
    ConvolutionPlanner planner = new ConvolutionPlanner(counting, 7);
    ConvKey key = ConvKey.cpuFloat(new ConvGeometry(2, 8, 8, 3, 7, 7, 1, 1), true);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ConvolutionPlan>> plans = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        plans.add(pool.submit(() -> planner.plan(key)));
      }
      ConvolutionPlan first = plans.get(0).get();
      for (Future<ConvolutionPlan> p : plans) {
        assertThat(p.get()).isSameInstanceAs(first);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(first(planner).path()).isEqualTo(ConvolutionPath.ENGINE);
    assertThat(runs.get()).isEqualTo(1);
    assertThat(planner.plans()).hasSize(1);
  }

  private static ConvolutionPlan first(ConvolutionPlanner planner) {
    return planner.plans().get(0);
  }

  @Test
  void keysSeparateBatchTypeAndGradients() {
    ConvGeometry g = new ConvGeometry(1, 3, 5, 3, 6, 6, 2, 1);
    ConvKey k = ConvKey.cpuFloat(g, true);
    assertThat(k).isEqualTo(ConvKey.cpuFloat(g, true));
    assertThat(k).isNotEqualTo(ConvKey.cpuFloat(g, false));
    assertThat(k).isNotEqualTo(ConvKey.cpuFloat(new ConvGeometry(2, 3, 5, 3, 6, 6, 2, 1), true));
    assertThat(k.seed()).isEqualTo(ConvKey.cpuFloat(g, true).seed());
    assertThat(k.toString()).isEqualTo("B1 3->5 k3 6x6 s2 p1 float32 cpu() with gradients");
  }

  @Test
  void toleranceFollowsDeviceAndType() {
    ConvGeometry g = new ConvGeometry(1, 3, 5, 3, 6, 6, 2, 1);
    ConvKey cpu = ConvKey.cpuFloat(g, true);
    ConvKey gpu = new ConvKey(g, ai.djl.ndarray.types.DataType.FLOAT32, ai.djl.Device.gpu(0), true);
    ConvKey half = new ConvKey(g, ai.djl.ndarray.types.DataType.FLOAT16, ai.djl.Device.gpu(0), true);
    assertThat(PathVerdict.toleranceFor(cpu)).isEqualTo(1e-4);
    assertThat(PathVerdict.toleranceFor(gpu)).isEqualTo(5e-3);
    assertThat(PathVerdict.toleranceFor(half)).isEqualTo(2e-2);
    // TF32 rounding on a GPU is a precision choice; the same error on a CPU is a wrong kernel.
    PathVerdict onCpu = new PathVerdict(ConvolutionPath.ENGINE, 1e-3, 1e-7, Double.NaN);
    PathVerdict onGpu =
        new PathVerdict(ConvolutionPath.ENGINE, 1e-3, 1e-7, Double.NaN, PathVerdict.toleranceFor(gpu));
    assertThat(onCpu.right()).isFalse();
    assertThat(onCpu.wrongQuantities()).containsExactly("forward 1.0e-03");
    assertThat(onGpu.right()).isTrue();
  }
}
