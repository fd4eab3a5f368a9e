package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CheckPositionsTest {
  private static final boolean[] CHANNELS_AT_1 = {false, true, false, false};

  @Test
  void everyPositionWhenTheWorkFitsTheBudget() {
    int[] p = CheckPositions.choose(new int[] {2, 3, 4, 5}, CHANNELS_AT_1, 100, 12_000, rnd());
    assertThat(p).hasLength(120);
    int[] expected = new int[120];
    Arrays.setAll(expected, i -> i);
    assertThat(p).isEqualTo(expected);
  }

  @Test
  void otherwiseDistinctPositionsAsManyAsTheBudgetAllowsWithEveryEdgeCombinationFirst() {
    // [4, 40, 9, 9]: 12,960 positions at 1,000 multiply-adds each, budget 1,000,000 -> 1,000.
    int[] dims = {4, 40, 9, 9};
    int[] p = CheckPositions.choose(dims, CHANNELS_AT_1, 1000, 1_000_000, rnd());
    assertThat(p).hasLength(1000);
    assertThat(Arrays.stream(p).distinct().count()).isEqualTo(1000);
    assertThat(Arrays.stream(p).allMatch(i -> i >= 0 && i < 4 * 40 * 81)).isTrue();
    // Edges: batch {0,1,2,3}, channels {0,1,20,38,39} + last block {32, 31}, rows/cols {0,1,4,7,8}:
    // 4 * 7 * 5 * 5 = 700 combinations, of which the first half of the positions are drawn.
    long edges = Arrays.stream(p).limit(500).filter(i -> isEdge(i, dims)).count();
    assertThat(edges).isEqualTo(500);
    assertWithMessage("last channel block and last row are covered")
        .that(Arrays.stream(p).anyMatch(i -> channel(i, dims) == 32 && row(i, dims) == 8))
        .isTrue();
  }

  @Test
  void neverFewerThanTheMinimumEvenWhenOnePositionExceedsTheBudget() {
    int[] p = CheckPositions.choose(new int[] {1, 512, 81, 1}, CHANNELS_AT_1, 10_000_000, 1 << 21, rnd());
    assertThat(p).hasLength(CheckPositions.MIN_POSITIONS);
  }

  @Test
  void seededChoicesRepeat() {
    int[] dims = {3, 70, 13, 11};
    assertThat(CheckPositions.choose(dims, CHANNELS_AT_1, 5000, 1 << 21, rnd()))
        .isEqualTo(CheckPositions.choose(dims, CHANNELS_AT_1, 5000, 1 << 21, rnd()));
  }

  private static boolean isEdge(int flat, int[] d) {
    int c = channel(flat, d);
    int r = row(flat, d);
    int q = flat % d[3];
    return Arrays.asList(0, 1, 20, 31, 32, 38, 39).contains(c)
        && Arrays.asList(0, 1, 4, 7, 8).contains(r)
        && Arrays.asList(0, 1, 4, 7, 8).contains(q);
  }

  private static int channel(int flat, int[] d) {
    return (flat / (d[2] * d[3])) % d[1];
  }

  private static int row(int flat, int[] d) {
    return (flat / d[3]) % d[2];
  }

  private static SplittableRandom rnd() {
    return new SplittableRandom(5);
  }
}
