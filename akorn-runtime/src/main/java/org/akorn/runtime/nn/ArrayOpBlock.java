package org.akorn.runtime.nn;

import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Base class of the blocks that map one array to one array: DJL's {@code forward} takes that
 * single array and delegates to {@link #apply}.
 */
public abstract class ArrayOpBlock extends AkornBlock implements ArrayOp {

  @Override
  protected final NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }
}
