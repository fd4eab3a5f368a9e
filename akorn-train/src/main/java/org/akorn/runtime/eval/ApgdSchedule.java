package org.akorn.runtime.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoints of APGD's step-size schedule (Croce and Hein 2020, section 3.2): {@code w_j =
 * ceil(p_j * N)} in the paper, computed as the published implementation does in whole
 * iterations: the first interval is {@code max(floor(0.22 N), 1)} iterations, every next one
 * {@code max(floor(0.03 N), 1)} shorter, but never below {@code max(floor(0.06 N), 1)}. At a
 * checkpoint the step size halves when the loss rose in at most {@code rho} of the interval's
 * steps, or when the last checkpoint kept the step size and the best loss has not improved since.
 */
public final class ApgdSchedule {
  private ApgdSchedule() {}

  /** The iteration counts after which a checkpoint is taken, ascending, all at most N. */
  public static int[] checkpoints(int iterations) {
    if (iterations < 1) {
      throw new IllegalArgumentException("APGD needs at least 1 iteration, got " + iterations);
    }
    int interval = Math.max((int) (0.22 * iterations), 1);
    int shrink = Math.max((int) (0.03 * iterations), 1);
    int least = Math.max((int) (0.06 * iterations), 1);
    List<Integer> at = new ArrayList<>();
    for (int w = interval; w <= iterations; w += interval) {
      at.add(w);
      interval = Math.max(interval - shrink, least);
    }
    return at.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether to halve the step size at a checkpoint.
   *
   * @param rises steps of the interval after which the loss was higher than before
   * @param interval the interval's length
   * @param rho the share of rising steps below which the search is oscillating (0.75)
   * @param reducedLast whether the last checkpoint halved the step size
   * @param bestAtLast the best loss at the last checkpoint (the start's loss at the first)
   * @param best the best loss now
   */
  public static boolean halve(int rises, int interval, double rho, boolean reducedLast,
      double bestAtLast, double best) {
    return rises <= rho * interval || !reducedLast && bestAtLast >= best;
  }
}
