package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * A loss per example that an attack climbs: the cross-entropy, or the difference of logits ratio
 * (DLR) of Croce and Hein (2020), untargeted or towards a target class. The DLR is invariant to
 * shifting and scaling the logits, so a model cannot hide behind large or flat logits.
 */
@FunctionalInterface
public interface AttackLoss {

  /**
   * The loss of every example, differentiable with respect to {@code logits}.
   *
   * @param logits {@code [B, K]}
   * @param labels {@code [B]} true classes
   * @return {@code [B]}
   */
  NDArray perExample(NDArray logits, NDArray labels);

  /** {@code -log softmax(z)_y}. */
  static NDArray crossEntropy(NDArray logits, NDArray labels) {
    NDArray onehot = oneHot(logits, labels);
    return logits.logSoftmax(1).mul(onehot).sum(new int[] {1}).neg();
  }

  /**
   * {@code -(z_y - max_{i != y} z_i) / (z_pi1 - z_pi3 + 1e-12)}, with {@code z_pi1 >= z_pi2 >=
   * z_pi3} the sorted logits; needs at least 3 classes.
   */
  static NDArray dlr(NDArray logits, NDArray labels) {
    int classes = classes(logits, 3, "the DLR loss");
    NDArray onehot = oneHot(logits, labels);
    NDArray sorted = logits.sort(1);
    NDArray first = sorted.get(":, " + (classes - 1));
    NDArray second = sorted.get(":, " + (classes - 2));
    NDArray third = sorted.get(":, " + (classes - 3));
    NDArray zy = logits.mul(onehot).sum(new int[] {1});
    NDArray yIsFirst = logits.argMax(1).oneHot(classes).toType(logits.getDataType(), false)
        .mul(onehot).sum(new int[] {1});
    NDArray bestOther = second.mul(yIsFirst).add(first.mul(yIsFirst.neg().add(1f)));
    return zy.sub(bestOther).div(first.sub(third).add(1e-12f)).neg();
  }

  /**
   * The targeted DLR towards {@code targets}: {@code -(z_y - z_t) / (z_pi1 - (z_pi3 + z_pi4) / 2
   * + 1e-12)}; needs at least 4 classes.
   *
   * @param targets {@code [B]} target classes
   */
  static AttackLoss targetedDlr(NDArray targets) {
    return (logits, labels) -> {
      int classes = classes(logits, 4, "the targeted DLR loss");
      NDArray sorted = logits.sort(1);
      NDArray first = sorted.get(":, " + (classes - 1));
      NDArray third = sorted.get(":, " + (classes - 3));
      NDArray fourth = sorted.get(":, " + (classes - 4));
      NDArray zy = logits.mul(oneHot(logits, labels)).sum(new int[] {1});
      NDArray zt = logits.mul(oneHot(logits, targets)).sum(new int[] {1});
      NDArray scale = first.sub(third.add(fourth).mul(0.5f)).add(1e-12f);
      return zy.sub(zt).div(scale).neg();
    };
  }

  /** {@code z_y - max_{i != y} z_i}: positive while the example is classified right. */
  static float[] margins(float[] logits, int[] labels) {
    int classes = logits.length / labels.length;
    float[] margin = new float[labels.length];
    for (int b = 0; b < labels.length; b++) {
      float other = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        if (k != labels[b]) {
          other = Math.max(other, logits[b * classes + k]);
        }
      }
      margin[b] = logits[b * classes + labels[b]] - other;
    }
    return margin;
  }

  private static NDArray oneHot(NDArray logits, NDArray labels) {
    int classes = (int) logits.getShape().get(1);
    return labels.toType(DataType.INT64, false).oneHot(classes)
        .toType(logits.getDataType(), false);
  }

  private static int classes(NDArray logits, int least, String what) {
    int classes = (int) logits.getShape().get(1);
    if (classes < least) {
      throw new IllegalArgumentException(what + " needs at least " + least + " classes, the"
          + " model has " + classes);
    }
    return classes;
  }
}
