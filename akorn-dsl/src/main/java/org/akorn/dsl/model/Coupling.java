package org.akorn.dsl.model;

/** The connectivity J of a Kuramoto layer. */
public sealed interface Coupling {
  /** Conv2d(C -> C, kernel, stride 1, padding kernel/2, bias). */
  record Conv(IntValue kernel) implements Coupling {}

  /**
   * W_qkv (1x1, C -> 3C), per-head scaled dot-product attention, W_o (1x1, C -> C); with
   * {@link Positional#GTA} learnable per-position rotations over {@code grid} ([H, W]).
   */
  record Attention(IntValue heads, Positional positional, Shape grid) implements Coupling {}

  /** A linear map over all positions and channels (C*P -> C*P, bias) for token inputs. */
  record Dense() implements Coupling {}
}
