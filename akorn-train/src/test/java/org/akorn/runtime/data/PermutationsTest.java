package org.akorn.runtime.data;

import static com.google.common.truth.Truth.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationsTest {
  @Test
  void givesEachIndexOnceAndRepeatsPerSeedForBothGenerators() {
    int[] a = Permutations.of(50, new Random(3));
    int[] sorted = a.clone();
    Arrays.sort(sorted);
    int[] identity = new int[50];
    Arrays.setAll(identity, i -> i);
    assertThat(sorted).isEqualTo(identity);
    assertThat(a).isNotEqualTo(identity);
    assertThat(Permutations.of(50, new Random(3))).isEqualTo(a);
    assertThat(Permutations.of(50, new SplittableRandom(3)))
        .isEqualTo(Permutations.of(50, new SplittableRandom(3)));
    assertThat(Permutations.of(0, new Random(1))).isEmpty();
    assertThat(Permutations.of(1, new Random(1))).isEqualTo(new int[] {0});
  }

  @Test
  void swapsEntryIWithADrawBelowIPlusOneFromTheBack() {
    // n = 2: one draw, nextInt(2); 1 keeps the identity, 0 swaps.
    Random r = new Random(11);
    int draw = new Random(11).nextInt(2);
    assertThat(Permutations.of(2, r)).isEqualTo(draw == 1 ? new int[] {0, 1} : new int[] {1, 0});
  }
}
