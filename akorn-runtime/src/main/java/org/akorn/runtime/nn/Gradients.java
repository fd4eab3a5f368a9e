package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Gradient helpers (the PyTorch engine accumulates gradients across backward calls). */
public final class Gradients {
  private Gradients() {}

  /** Sets the gradient of every trainable, initialised parameter of {@code block} to zero. */
  public static void zero(Block block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter param = p.getValue();
      if (param.requiresGradient() && param.isInitialized()) {
        NDArray grad = param.getArray().getGradient();
        grad.muli(0f);
      }
    }
  }
}
