package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.akorn.runtime.train.CrossEntropy;

/**
 * The gradient of a loss with respect to a model's input, the primitive of adversarial attacks.
 * The input is copied and marked as requiring a gradient; one {@link GradientCollector} is open
 * during the forward and backward pass (the PyTorch engine allows one at a time), and the result
 * is a plain array attached to the input's manager. Parameter gradients that the backward pass
 * adds are the trainer's to zero (it does so every step).
 */
public final class InputGradients {
  private InputGradients() {}

  /**
   * d loss / d input, where loss = mean cross-entropy of {@code classifier}'s logits against
   * {@code labels}, averaged over {@code draws} forward passes with the seeds {@code seed},
   * {@code seed + 1}, ... (expectation over transformation: each pass draws a fresh random
   * initial state).
   *
   * @param input {@code [B, ...]}
   * @param labels {@code [B]} class indices
   * @param draws at least 1
   */
  public static NDArray ofCrossEntropy(Classifier classifier, NDArray input, NDArray labels,
      long seed, int draws) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be at least 1, got " + draws);
    }
    NDManager owner = input.getManager();
    NDArray sum = null;
    for (int k = 0; k < draws; k++) {
      try (NDManager scope = owner.newSubManager()) {
        NDArray x = input.duplicate();
        x.attach(scope);
        x.setRequiresGradient(true);
        NDArray g;
        try (GradientCollector collector = owner.getEngine().newGradientCollector()) {
          NDArray loss = CrossEntropy.mean(classifier.logits(x, seed + k), labels);
          collector.backward(loss);
          g = x.getGradient().duplicate();
        }
        g.attach(owner);
        if (sum == null) {
          sum = g;
        } else {
          sum.addi(g);
          g.close();
        }
      }
    }
    if (draws > 1) {
      sum.divi(draws);
    }
    return sum;
  }

  /**
   * The gradient of a loss per example, summed over the batch, with the losses and predictions
   * that came with it.
   *
   * @param gradient d sum(loss) / d input, averaged over the draws; attached to the input's
   *     manager
   * @param loss the loss of every example, averaged over the draws
   * @param predicted the predicted class of every example in the last draw
   */
  public record PerExample(NDArray gradient, float[] loss, int[] predicted) {}

  /**
   * d sum_b loss_b / d input for a loss per example, averaged over {@code draws} forward passes
   * with the seeds {@code seed}, {@code seed + 1}, ... (expectation over transformation). As each
   * example's loss depends on its own input only, row b of the gradient is d loss_b / d input_b.
   *
   * @param labels {@code [B]} class indices
   * @param draws at least 1
   */
  public static PerExample ofLoss(Classifier classifier, AttackLoss loss, NDArray input,
      NDArray labels, long seed, int draws) {
    if (draws < 1) {
      throw new IllegalArgumentException("draws must be at least 1, got " + draws);
    }
    NDManager owner = input.getManager();
    NDArray sum = null;
    float[] losses = null;
    int[] predicted = null;
    for (int k = 0; k < draws; k++) {
      try (NDManager scope = owner.newSubManager()) {
        NDArray x = input.duplicate();
        x.attach(scope);
        x.setRequiresGradient(true);
        NDArray g;
        try (GradientCollector collector = owner.getEngine().newGradientCollector()) {
          NDArray logits = classifier.logits(x, seed + k);
          NDArray perExample = loss.perExample(logits, labels);
          collector.backward(perExample.sum());
          g = x.getGradient().duplicate();
          float[] l = perExample.toFloatArray();
          if (losses == null) {
            losses = l;
          } else {
            for (int b = 0; b < l.length; b++) {
              losses[b] += l[b];
            }
          }
          predicted = Perturbations.argmax(logits);
        }
        g.attach(owner);
        if (sum == null) {
          sum = g;
        } else {
          sum.addi(g);
          g.close();
        }
      }
    }
    if (draws > 1) {
      sum.divi(draws);
      for (int b = 0; b < losses.length; b++) {
        losses[b] /= draws;
      }
    }
    return new PerExample(sum, losses, predicted);
  }
}
