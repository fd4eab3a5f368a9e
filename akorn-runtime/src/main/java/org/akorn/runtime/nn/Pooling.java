package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;

/** Global pooling over the spatial axes of {@code [B, C, ...]} to {@code [B, C]}. */
public enum Pooling {
  AVG,
  MAX;

  NDArray apply(NDArray x) {
    NDArray flat = x.reshape(x.getShape().get(0), x.getShape().get(1), -1);
    return this == AVG ? flat.mean(new int[] {2}) : flat.max(new int[] {2});
  }
}
