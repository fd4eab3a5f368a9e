package org.akorn.runtime.nn;

import ai.djl.ndarray.types.DataType;
import ai.djl.training.initializer.Initializer;

/** Initialisers matching the reference's PyTorch defaults. */
public final class Inits {
  private Inits() {}

  /** PyTorch's default for conv / linear weights and biases: U(-1/sqrt(fanIn), 1/sqrt(fanIn)). */
  public static Initializer uniformFanIn(long fanIn) {
    float bound = (float) (1.0 / Math.sqrt(fanIn));
    return (manager, shape, dataType) ->
        manager.randomUniform(-bound, bound, shape, DataType.FLOAT32).toType(dataType, false);
  }

  /** A constant-filled array. */
  public static Initializer constant(float value) {
    return (manager, shape, dataType) -> manager.full(shape, value, dataType);
  }

  /** Standard normal entries (used by learned initial states). */
  public static Initializer normal() {
    return (manager, shape, dataType) ->
        manager.randomNormal(0f, 1f, shape, DataType.FLOAT32).toType(dataType, false);
  }
}
