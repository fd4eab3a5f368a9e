package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.function.UnaryOperator;
import org.akorn.runtime.weights.ReferenceKeys;

/**
 * A block that maps one array to one array. Used for connectivities, read-out parts, stems'
 * inner parts and transitions.
 */
public interface ArrayOp extends Block, ReferenceKeys {

  /** Applies the block to {@code x}. */
  NDArray apply(ParameterStore ps, NDArray x, boolean training);

  /**
   * Returns the block as a function for repeated application (e.g. once per Kuramoto step);
   * implementations hoist work that does not depend on {@code x} out of the returned function.
   */
  default UnaryOperator<NDArray> bind(ParameterStore ps, NDArray like, boolean training) {
    return x -> apply(ps, x, training);
  }
}
