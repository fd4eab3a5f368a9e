package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/** Small array helpers. */
public final class Stacks {
  private Stacks() {}

  /** Stacks arrays of equal shape along a new first axis. */
  public static NDArray stack(List<NDArray> arrays) {
    return ai.djl.ndarray.NDArrays.stack(new NDList(arrays.toArray(new NDArray[0])), 0);
  }
}
