package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.InitialState;

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

  /**
   * Whether {@code model} draws a random initial state: its first state is noise and it has
   * Kuramoto layers (a plain CNN is deterministic).
   */
  static boolean startsFromNoise(AkornModel model) {
    AkornNetwork network = model.network();
    return network.initialState().usesNoise()
        && network.stages().stream().anyMatch(s -> s.layer() != null);
  }

  /**
   * The threat model in which the attacker knows the initial state: every image starts from the
   * same Gaussian state drawn from {@code seed} (shaped like one image's stimulus), whatever the
   * batch and whatever seed the caller passes, so an attack and its scoring see the same
   * deterministic function.
   *
   * @throws IllegalArgumentException for a model that does not start from noise
   */
  static Classifier withFixedInitialState(AkornModel model, RunOptions options, long seed) {
    Classifier.of(model, options);
    if (!startsFromNoise(model)) {
      throw new IllegalArgumentException(model.modelName() + " does not start from noise, so it"
          + " has no initial state to fix");
    }
    String input = model.inputNames().get(0);
    String output = model.network().outputName();
    return (x, ignored) -> {
      long[] dims = x.getShape().getShape().clone();
      long batch = dims[0];
      dims[0] = 1;
      Shape one = new Shape(dims);
      if (model.network().stem() != null) {
        one = model.network().stem().getOutputShapes(new Shape[] {one})[0];
      }
      NDArray state = InitialState.gaussian(x.getManager(), one, seed).repeat(0, batch);
      return model.forward(Map.of(input, x), state, options).output(output);
    };
  }
}
