package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.List;

/**
 * Clipping by the global L2 norm of all gradients together, as {@code
 * torch.nn.utils.clip_grad_norm_} does: {@code total = ||(||g_1||, ..., ||g_n||)||_2}; when
 * {@code total > maxNorm} every gradient is scaled in place by {@code maxNorm / (total + 1e-6)}.
 *
 * <p>Exactly as PyTorch, the factor is {@code min(1, maxNorm / (total + 1e-6))} computed in float32
 * on the device and applied to every gradient (a factor of 1 leaves them bit for bit unchanged).
 */
public final class GradientClipping {

  /** The constant PyTorch adds to the total norm before dividing. */
  public static final float EPSILON = 1e-6f;

  private GradientClipping() {}

  /**
   * Clips {@code gradients} in place and returns their global L2 norm before clipping. The norm is
   * computed in the gradients' own precision on their device, like PyTorch; temporaries are
   * closed.
   *
   * @param gradients the gradient arrays, all on one device; modified in place
   * @param maxNorm the largest allowed global norm, positive
   * @return the total norm before clipping (NaN or infinity pass through unchanged)
   */
  public static float clipByGlobalNorm(List<NDArray> gradients, float maxNorm) {
    if (!(maxNorm > 0f)) {
      throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
    }
    if (gradients.isEmpty()) {
      return 0f;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDList norms = new NDList(gradients.size());
      for (NDArray g : gradients) {
        norms.add(g.flatten().norm());
      }
      NDArray total = NDArrays.stack(norms).norm();
      NDArray coefficient = NDArrays.div(maxNorm, total.add(EPSILON)).minimum(1f);
      for (NDArray g : gradients) {
        g.muli(coefficient);
      }
      return total.getFloat();
    }
  }
}
