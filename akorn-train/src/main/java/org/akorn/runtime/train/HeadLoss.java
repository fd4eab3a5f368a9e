package org.akorn.runtime.train;

import ai.djl.nn.Block;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.nn.CellHead;
import org.akorn.runtime.nn.LayerNormCellHead;
import org.akorn.runtime.nn.PooledLinearHead;
import org.akorn.runtime.nn.PooledMlpHead;
import org.akorn.runtime.selfsupervised.NtXentLoss;

/**
 * The training loss that follows from a model's head: cross-entropy for {@code classifier}
 * ({@code [B, K]} logits, labels {@code [B]}) and {@code cell_classifier} ({@code [B, H, W, K]},
 * labels {@code [B, H, W]}; either input, ReLU or LayerNorm); for {@code mlp} (features {@code [2B, C]} of two views per image)
 * the self-supervised NT-Xent loss at the reference's temperature 0.1 ({@link NtXentLoss}), which
 * ignores the labels.
 */
public final class HeadLoss {
  private HeadLoss() {}

  /**
   * The loss for {@code model}'s head.
   *
   * @throws IllegalArgumentException for a head without a supported loss, naming the head
   */
  public static TrainingLoss forModel(AkornModel model) {
    Block head = model.network().head();
    if (head instanceof PooledLinearHead || head instanceof CellHead || head instanceof LayerNormCellHead) {
      return (predictions, labels) -> CrossEntropy.mean(predictions.get(0), labels.get(0));
    }
    if (head instanceof PooledMlpHead) {
      return NtXentLoss.reference();
    }
    String kind = head == null ? "no head" : "a " + kindOf(head) + " head";
    throw new IllegalArgumentException(model.modelName() + " has " + kind
        + "; training supports the heads classifier and cell_classifier (cross-entropy) and mlp"
        + " (NT-Xent)");
  }

  private static String kindOf(Block head) {
    String name = head.getClass().getSimpleName();
    return name.equals("PooledMlpHead") ? "mlp" : name;
  }
}
