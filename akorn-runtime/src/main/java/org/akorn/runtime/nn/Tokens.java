package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Between feature maps {@code [B, C, s...]} and tokens {@code [B, N, C]} (N = the product of s). */
final class Tokens {
  private Tokens() {}

  /** {@code [B, C, s...] -> [B, N, C]}. */
  static NDArray of(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), -1).transpose(0, 2, 1);
  }

  /** {@code [B, N, C] -> } the layout of {@code like}, {@code [B, C, s...]}. */
  static NDArray back(NDArray tokens, Shape like) {
    return tokens.transpose(0, 2, 1).reshape(like);
  }
}
