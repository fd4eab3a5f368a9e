package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;

/**
 * An attack under the L-infinity norm on the [0, 1] pixel scale: it looks for inputs within
 * {@code epsilon} of the given ones (and within [0, 1]) that the classifier gets wrong.
 */
public interface Attack {

  /** The name in reports, e.g. {@code APGD-CE}. */
  String name();

  /** Every setting, for the report, e.g. {@code 100 iterations, 1 restart, EOT 20}. */
  String settings();

  /**
   * Attacks every example of {@code x}.
   *
   * @param x {@code [B, ...]} inputs in [0, 1]
   * @param labels the true class of every example
   * @param seed seed of the attack's own randomness and of the model's initial states
   */
  Outcome run(Classifier classifier, NDArray x, int[] labels, float epsilon, long seed);

  /**
   * What an attack found.
   *
   * @param adversarial {@code [B, ...]}, within epsilon of the input and in [0, 1], attached to
   *     the input's manager: an input the attack saw misclassified where it found one, otherwise
   *     its best try
   * @param fooled whether the attack itself saw the example misclassified
   * @param forwardPasses forward passes the attack spent per example
   */
  record Outcome(NDArray adversarial, boolean[] fooled, long forwardPasses) {}
}
