package org.akorn.runtime.eval.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Agglomerative clustering as the reference's evaluation does it (akorn {@code eval_obj.py}:
 * {@code fastcluster.average} on the feature vectors, then scipy's {@code fcluster(Z, t=k,
 * criterion="maxclust")}): average linkage (UPGMA) on Euclidean distances, cut at the smallest
 * merge height that leaves at most k clusters.
 *
 * <p>The dendrogram is built with the nearest-neighbour chain algorithm (O(n^2) time and memory),
 * as fastcluster does for average linkage; cluster distances follow the Lance-Williams update
 * {@code d(a + b, c) = (|a| d(a, c) + |b| d(b, c)) / (|a| + |b|)}. When merges tie at the cut
 * height they are all applied, so fewer than k clusters can come out, as with scipy.
 */
public final class AverageLinkage {

  private AverageLinkage() {}

  /** One merge of the dendrogram: two original points, one from each merged cluster. */
  record Merge(int a, int b, double height) {}

  /**
   * Cluster labels {@code 0..m-1}, {@code m <= k}, numbered in order of first appearance.
   *
   * @param points {@code [n][d]}
   * @param k most clusters, at least 1
   */
  public static int[] cluster(double[][] points, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive, got " + k);
    }
    int n = points.length;
    List<Merge> merges = dendrogram(points);
    merges.sort((x, y) -> Double.compare(x.height(), y.height()));
    int apply = 0;
    if (n > k) {
      // the smallest height whose cut (merges at or below it) leaves at most k clusters
      double cut = merges.get(n - k - 1).height();
      while (apply < merges.size() && merges.get(apply).height() <= cut) {
        apply++;
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int m = 0; m < apply; m++) {
      parent[find(parent, merges.get(m).a())] = find(parent, merges.get(m).b());
    }
    int[] labels = new int[n];
    int[] ids = new int[n];
    Arrays.fill(ids, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int root = find(parent, i);
      if (ids[root] < 0) {
        ids[root] = next++;
      }
      labels[i] = ids[root];
    }
    return labels;
  }

  /** The n - 1 merges of average linkage, in the order the chain finds them. */
  static List<Merge> dendrogram(double[][] points) {
    int n = points.length;
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        dist[i][j] = dist[j][i] = Math.sqrt(KMeans.squaredDistance(points[i], points[j]));
      }
    }
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] chain = new int[n];
    int top = 0;
    List<Merge> merges = new ArrayList<>(n);
    while (merges.size() < n - 1) {
      if (top == 0) {
        int first = 0;
        while (!active[first]) {
          first++;
        }
        chain[top++] = first;
      }
      int a = chain[top - 1];
      int previous = top >= 2 ? chain[top - 2] : -1;
      int b = previous;
      double best = previous >= 0 ? dist[a][previous] : Double.POSITIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        if (active[c] && c != a && dist[a][c] < best) {
          best = dist[a][c];
          b = c;
        }
      }
      if (b != previous) {
        chain[top++] = b;
        continue;
      }
      top -= 2;
      merges.add(new Merge(a, b, best));
      // the merged cluster lives on in b's slot
      for (int c = 0; c < n; c++) {
        if (active[c] && c != a && c != b) {
          double d = (size[a] * dist[a][c] + size[b] * dist[b][c]) / (size[a] + size[b]);
          dist[b][c] = dist[c][b] = d;
        }
      }
      size[b] += size[a];
      active[a] = false;
    }
    return merges;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
