package org.akorn.runtime.eval.segmentation;

/** The two ways the reference turns per-patch features into segments. */
public enum ClusteringMethod {
  /** {@link KMeans}, seeded. */
  KMEANS,
  /** {@link AverageLinkage} cut at k clusters (the reference's default for its tables). */
  AGGLOMERATIVE;

  /** Labels for the points: at most {@code k} distinct values from 0. */
  public int[] cluster(double[][] points, int k, long seed) {
    return switch (this) {
      case KMEANS -> KMeans.cluster(points, k, seed);
      case AGGLOMERATIVE -> AverageLinkage.cluster(points, k);
    };
  }
}
