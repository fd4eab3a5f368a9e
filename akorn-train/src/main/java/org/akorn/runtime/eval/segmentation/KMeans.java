package org.akorn.runtime.eval.segmentation;

import java.util.SplittableRandom;

/**
 * Seeded k-means as the reference clusters features (sklearn {@code KMeans(n_clusters,
 * random_state=0, n_init="auto")}: one run from greedy k-means++ seeds, then Lloyd iterations).
 *
 * <ul>
 *   <li>Seeding: the first centre is a uniformly drawn point; each further centre is the best of
 *       {@code 2 + floor(ln k)} candidates drawn with probability proportional to the squared
 *       distance to the nearest centre so far, "best" meaning the smallest total squared distance
 *       afterwards.
 *   <li>Lloyd: assign each point to its nearest centre (ties to the lower index), move each centre
 *       to the mean of its points; stop when no label changes, when the centres moved by at most
 *       {@code 1e-4} times the mean per-feature variance in total squared distance (then assign
 *       once more), or after 300 iterations. An empty cluster takes the point farthest from its
 *       centre.
 * </ul>
 *
 * The random stream is Java's, so the seeds differ from sklearn's for the same seed number.
 */
public final class KMeans {

  /** Most Lloyd iterations. */
  public static final int MAX_ITERATIONS = 300;

  /** Convergence tolerance, relative to the mean per-feature variance. */
  public static final double TOLERANCE = 1e-4;

  private KMeans() {}

  /**
   * Cluster labels {@code 0..k-1} for the points.
   *
   * @param points {@code [n][d]}
   * @param k clusters; at most n
   * @param seed the seeding's random stream
   */
  public static int[] cluster(double[][] points, int k, long seed) {
    int n = points.length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in 1.." + n + ", got " + k);
    }
    double[][] centres = seeds(points, k, new SplittableRandom(seed));
    double tolerance = TOLERANCE * meanVariance(points);
    int[] labels = assign(points, centres);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[][] next = means(points, labels, k, centres);
      double shift = 0;
      for (int c = 0; c < k; c++) {
        shift += squaredDistance(centres[c], next[c]);
      }
      centres = next;
      int[] relabelled = assign(points, centres);
      boolean same = java.util.Arrays.equals(labels, relabelled);
      labels = relabelled;
      if (same || shift <= tolerance) {
        break;
      }
    }
    return labels;
  }

  static double[][] seeds(double[][] points, int k, SplittableRandom random) {
    int n = points.length;
    int trials = 2 + (int) Math.log(k);
    double[][] centres = new double[k][];
    centres[0] = points[random.nextInt(n)].clone();
    double[] closest = new double[n];
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = squaredDistance(points[i], centres[0]);
      potential += closest[i];
    }
    for (int c = 1; c < k; c++) {
      int best = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      double[] bestClosest = null;
      for (int t = 0; t < trials; t++) {
        int candidate = drawProportional(closest, random.nextDouble() * potential);
        double[] updated = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
          updated[i] = Math.min(closest[i], squaredDistance(points[i], points[candidate]));
          sum += updated[i];
        }
        if (sum < bestPotential) {
          bestPotential = sum;
          best = candidate;
          bestClosest = updated;
        }
      }
      centres[c] = points[best].clone();
      closest = bestClosest;
      potential = bestPotential;
    }
    return centres;
  }

  /** The first index whose running sum of weights exceeds {@code target}, as searchsorted. */
  private static int drawProportional(double[] weights, double target) {
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (sum > target) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static int[] assign(double[][] points, double[][] centres) {
    int[] labels = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centres.length; c++) {
        double d = squaredDistance(points[i], centres[c]);
        if (d < best) {
          best = d;
          labels[i] = c;
        }
      }
    }
    return labels;
  }

  private static double[][] means(double[][] points, int[] labels, int k, double[][] previous) {
    int d = points[0].length;
    double[][] sums = new double[k][d];
    int[] counts = new int[k];
    for (int i = 0; i < points.length; i++) {
      counts[labels[i]]++;
      for (int j = 0; j < d; j++) {
        sums[labels[i]][j] += points[i][j];
      }
    }
    boolean[] taken = new boolean[points.length];
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        int far = farthestPoint(points, labels, previous, taken);
        taken[far] = true;
        sums[c] = points[far].clone();
        continue;
      }
      for (int j = 0; j < d; j++) {
        sums[c][j] /= counts[c];
      }
    }
    return sums;
  }

  private static int farthestPoint(
      double[][] points, int[] labels, double[][] centres, boolean[] taken) {
    int far = 0;
    double best = -1;
    for (int i = 0; i < points.length; i++) {
      double dist = squaredDistance(points[i], centres[labels[i]]);
      if (!taken[i] && dist > best) {
        best = dist;
        far = i;
      }
    }
    return far;
  }

  private static double meanVariance(double[][] points) {
    int n = points.length;
    int d = points[0].length;
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] p : points) {
        mean += p[j];
      }
      mean /= n;
      double var = 0;
      for (double[] p : points) {
        var += (p[j] - mean) * (p[j] - mean);
      }
      total += var / n;
    }
    return total / d;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double diff = a[j] - b[j];
      s += diff * diff;
    }
    return s;
  }
}
