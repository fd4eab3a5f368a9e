package org.akorn.runtime.nn;

import java.util.List;

/** Factories for the read-out chains of the reference models. */
public final class ReadOuts {
  private ReadOuts() {}

  /**
   * {@code ReadOutConv(C, C, N, k) -> x + FF(x) -> NormReluConv(C, C, k)}, all convs with kernel
   * {@code k}, the FF with hidden width {@code C}, every norm {@code norm}.
   */
  public static OpChain full(int channels, int groupSize, int kernel, FeatureNorm norm) {
    return new OpChain(
        List.of(
            new ReadOutConv(channels, channels, groupSize, kernel),
            new ResidualFeedForward(channels, channels, kernel, norm),
            new NormReluConv(channels, channels, kernel, norm)));
  }

  /** A single {@code ReadOutConv(Cin, Cout, N, k)}. */
  public static OpChain convOnly(int inChannels, int outChannels, int groupSize, int kernel) {
    return new OpChain(List.of(new ReadOutConv(inChannels, outChannels, groupSize, kernel)));
  }

  /** The identity: the next stimulus is the last state. */
  public static OpChain identity() {
    return new OpChain(List.of());
  }
}
