package org.akorn.runtime.data;

import java.util.random.RandomGenerator;

/** Seeded random orders: the one Fisher-Yates shuffle the training, data and demo code share. */
public final class Permutations {
  private Permutations() {}

  /**
   * A random permutation of {@code 0..n-1}: the identity shuffled from the back, swapping entry
   * {@code i} with entry {@code random.nextInt(i + 1)}.
   */
  public static int[] of(int n, RandomGenerator random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
