package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;

/**
 * A differentiable map from an input batch to class logits {@code [B, K]}; {@code seed} draws
 * the model's random initial state (an AKOrN starts from noise), so each call may differ.
 */
@FunctionalInterface
public interface Classifier {

  /** The logits of {@code input}; must be differentiable with respect to it. */
  NDArray logits(NDArray input, long seed);

  /**
   * A one-input model as a classifier: its input {@code [B, ...]} to its head's logits, in
   * inference mode, the initial state drawn from {@code seed}.
   *
   * @throws IllegalArgumentException for a model with more than one input
   */
  static Classifier of(AkornModel model) {
    return of(model, RunOptions.defaults());
  }

  /** Like {@link #of(AkornModel)} with {@code options}' steps (the seed is the call's). */
  static Classifier of(AkornModel model, RunOptions options) {
    if (model.inputNames().size() != 1) {
      throw new IllegalArgumentException(model.modelName() + " takes " + model.inputNames()
          + "; robustness tests need a model with one image input");
    }
    String input = model.inputNames().get(0);
    String output = model.network().outputName();
    return (x, seed) -> model.forward(Map.of(input, x), options.withSeed(seed)).output(output);
  }
}
