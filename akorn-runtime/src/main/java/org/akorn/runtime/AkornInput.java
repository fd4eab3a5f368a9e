package org.akorn.runtime;

import ai.djl.ndarray.NDArray;

/**
 * Inputs of one {@link AkornNetwork} run.
 *
 * @param input what the stem reads (image {@code [B, 3, H, W]}, digit grid {@code [B, H, W]}, or
 *     the stimulus itself with an identity stem)
 * @param mask clue mask for the clamped-noise initial state ({@code [B, H, W]}, {@code [B, H, W,
 *     1]} or {@code [B, 1, H, W]}), or null
 * @param noise explicit initial noise shaped like the first stimulus, or null to draw seeded noise
 */
public record AkornInput(NDArray input, NDArray mask, NDArray noise) {
  public AkornInput {
    if (input == null) {
      throw new IllegalArgumentException("input is required");
    }
  }

  public static AkornInput of(NDArray input) {
    return new AkornInput(input, null, null);
  }

  public AkornInput withMask(NDArray mask) {
    return new AkornInput(input, mask, noise);
  }

  public AkornInput withNoise(NDArray noise) {
    return new AkornInput(input, mask, noise);
  }
}
