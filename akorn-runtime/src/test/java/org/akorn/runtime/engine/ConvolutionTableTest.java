package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Results, not plans: on the geometries of the shared fault map (those small enough for full
 * double-precision loops, {@link LoopConvolution}), the forward output, input gradient and weight
 * gradient that come back through DJL's own training path are right, both from the runtime's
 * {@link Convolutions#conv2d} on this machine and from a planner whose kernels replay the mapped
 * CPU's faults.
 */
class ConvolutionTableTest {
  private static final double TOL = 1e-4;
  /** Multiply-adds of one forward pass, at most: keeps the loops to a few seconds in all. */
  private static final long MAX_MACS = 600_000;

  static List<ConvGeometry> smallGeometries() {
    return FaultTable.load().geometries().stream()
        .filter(
            g ->
                (long) g.batch() * g.out() * g.outHeight() * g.outWidth() * g.in() * g.kernel()
                        * g.kernel()
                    <= MAX_MACS)
        .toList();
  }

  @Test
  void runtimeConvolutionIsRightOnTheMappedGeometries() {
    List<ConvGeometry> geometries = smallGeometries();
    assertThat(geometries).hasSize(272);
    assertRight(geometries, "runtime", Convolutions::conv2d);
  }

  @Test
  void plannedResultsAreRightWhereTheMappedCpuIsWrong() {
    FaultTable table = FaultTable.load();
    FaultReplayKernels replay = new FaultReplayKernels(table.faults());
    ConvolutionPlanner planner = new ConvolutionPlanner(replay, 11, 1 << 14);
    List<ConvGeometry> geometries = smallGeometries();
    long wrongOnEngine =
        geometries.stream().filter(g -> !replay.right(g, ConvolutionPath.ENGINE)).count();
    assertThat(wrongOnEngine).isEqualTo(116L);
    assertRight(geometries, "replayed", planner::conv2d);
  }

  private static void assertRight(
      List<ConvGeometry> geometries, String what, LoopErrors.Conv conv) {
    SplittableRandom random = new SplittableRandom(31);
    for (ConvGeometry s : geometries) {
      double[] errors = LoopErrors.of(s, random, conv);
      assertWithMessage("%s forward on %s", what, s).that(errors[0]).isAtMost(TOL);
      assertWithMessage("%s input gradient on %s", what, s).that(errors[1]).isAtMost(TOL);
      assertWithMessage("%s weight gradient on %s", what, s).that(errors[2]).isAtMost(TOL);
    }
  }
}
