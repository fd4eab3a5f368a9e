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
}
