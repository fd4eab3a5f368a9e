package org.akorn.runtime.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The flat positions of a 4-D array at which a verification compares against double precision:
 * every position when that fits the work budget, otherwise the edges (first, second, middle,
 * last-but-one and last index of every axis, plus the first and last index of the last block of
 * 16 on channel axes, where remainder kernels run) and then seeded random positions, as many as
 * the budget allows (never fewer than {@value #MIN_POSITIONS}).
 */
final class CheckPositions {
  /** Multiply-adds allowed per checked quantity by default: a few hundred positions on big convolutions. */
  static final long BUDGET = 1L << 21;

  static final int MIN_POSITIONS = 256;

  private CheckPositions() {}

  /**
   * Positions in an array of shape {@code dims} (row-major), each costing {@code cost}
   * multiply-adds to compute exactly; {@code channelAxes} marks the axes that hold channels.
   */
  static int[] choose(
      int[] dims, boolean[] channelAxes, long cost, long budget, SplittableRandom random) {
    long total = 1;
    for (int d : dims) {
      total *= d;
    }
    if (total * Math.max(1, cost) <= budget) {
      int[] all = new int[(int) total];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int wanted = (int) Math.min(total, Math.max(MIN_POSITIONS, budget / Math.max(1, cost)));
    Set<Integer> chosen = new LinkedHashSet<>();
    int[][] edges = new int[dims.length][];
    for (int a = 0; a < dims.length; a++) {
      edges[a] = edges(dims[a], channelAxes[a]);
    }
    int[] shuffled = edgeProduct(dims, edges);
    shuffle(shuffled, random);
    for (int i = 0; i < shuffled.length && chosen.size() < wanted / 2; i++) {
      chosen.add(shuffled[i]);
    }
    while (chosen.size() < wanted) {
      chosen.add((int) random.nextLong(total));
    }
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] edges(int n, boolean channels) {
    TreeSet<Integer> e = new TreeSet<>();
    for (int i : new int[] {0, 1, n / 2, n - 2, n - 1}) {
      if (i >= 0 && i < n) {
        e.add(i);
      }
    }
    if (channels) {
      int lastBlock = (n - 1) / ConvolutionPath.CHANNEL_BLOCK * ConvolutionPath.CHANNEL_BLOCK;
      e.add(lastBlock);
      if (lastBlock > 0) {
        e.add(lastBlock - 1);
      }
    }
    return e.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[] edgeProduct(int[] dims, int[][] edges) {
    int count = 1;
    for (int[] e : edges) {
      count *= e.length;
    }
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      int rest = k;
      int flat = 0;
      for (int a = 0; a < dims.length; a++) {
        int pick = edges[a][rest % edges[a].length];
        rest /= edges[a].length;
        flat = flat * dims[a] + pick;
      }
      out[k] = flat;
    }
    return out;
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
