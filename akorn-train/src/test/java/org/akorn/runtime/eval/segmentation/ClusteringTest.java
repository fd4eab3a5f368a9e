package org.akorn.runtime.eval.segmentation;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.junit.jupiter.api.Test;

class ClusteringTest {

  @Test
  void kMeansRecoversWellSeparatedBlobs() {
    Random random = new Random(1);
    double[][] points = new double[90][3];
    int[] truth = new int[90];
    for (int i = 0; i < 90; i++) {
      truth[i] = i % 3 + 1;
      for (int j = 0; j < 3; j++) {
        points[i][j] = (j == i % 3 ? 10 : 0) + random.nextGaussian() * 0.3;
      }
    }
    for (long seed = 0; seed < 5; seed++) {
      int[] labels = KMeans.cluster(points, 3, seed);
      assertThat(ForegroundAri.score(truth, labels)).isEqualTo(1.0);
    }
  }

  @Test
  void kMeansEndsInALocalOptimumAndIsDeterministic() {
    Random random = new Random(2);
    double[][] points = new double[200][4];
    for (double[] p : points) {
      for (int j = 0; j < 4; j++) {
        p[j] = random.nextDouble();
      }
    }
    int[] labels = KMeans.cluster(points, 5, 42);
    assertThat(KMeans.cluster(points, 5, 42)).isEqualTo(labels);
    // every point is nearest to the mean of its own cluster
    double[][] means = new double[5][4];
    int[] counts = new int[5];
    for (int i = 0; i < points.length; i++) {
      counts[labels[i]]++;
      for (int j = 0; j < 4; j++) {
        means[labels[i]][j] += points[i][j];
      }
    }
    for (int c = 0; c < 5; c++) {
      assertThat(counts[c]).isGreaterThan(0);
      for (int j = 0; j < 4; j++) {
        means[c][j] /= counts[c];
      }
    }
    assertThat(KMeans.assign(points, means)).isEqualTo(labels);
  }

  @Test
  void kMeansOnOneDimensionalHandCase() {
    double[][] points = {{0}, {1}, {10}, {11}, {20}};
    int[] labels = KMeans.cluster(points, 3, 7);
    assertThat(labels[0]).isEqualTo(labels[1]);
    assertThat(labels[2]).isEqualTo(labels[3]);
    assertThat(new java.util.HashSet<>(List.of(labels[0], labels[2], labels[4]))).hasSize(3);
  }

  @Test
  void averageLinkageMatchesANaiveImplementationOnRandomPoints() {
    Random random = new Random(4);
    for (int trial = 0; trial < 20; trial++) {
      int n = 2 + random.nextInt(40);
      double[][] points = new double[n][3];
      for (double[] p : points) {
        for (int j = 0; j < 3; j++) {
          p[j] = random.nextGaussian();
        }
      }
      for (int k = 1; k <= Math.min(n, 6); k++) {
        assertThat(AverageLinkage.cluster(points, k)).isEqualTo(naiveAverageLinkage(points, k));
      }
    }
  }

  @Test
  void averageLinkageAppliesAllMergesTiedAtTheCutAsScipyDoes() {
    double[][] line = {{0}, {1}, {2}, {3}};
    // merges at heights 1, 1 and 2: asking for 3 clusters cuts at 1 and gives 2
    assertThat(AverageLinkage.cluster(line, 3)).isEqualTo(new int[] {0, 0, 1, 1});
    assertThat(AverageLinkage.cluster(line, 4)).isEqualTo(new int[] {0, 1, 2, 3});
    assertThat(AverageLinkage.cluster(line, 1)).isEqualTo(new int[] {0, 0, 0, 0});
  }

  @Test
  void averageLinkageHeightsAreMeanPairwiseDistances() {
    double[][] points = {{0, 0}, {0, 1}, {5, 0}};
    List<AverageLinkage.Merge> merges = AverageLinkage.dendrogram(points);
    double[] heights = merges.stream().mapToDouble(AverageLinkage.Merge::height).sorted().toArray();
    assertThat(heights[0]).isEqualTo(1.0);
    assertThat(heights[1]).isWithin(1e-12).of((5.0 + Math.sqrt(26)) / 2);
  }

  @Test
  void upsamplesLabelsByNearestNeighbour() {
    int[] up = FeatureSegmenter.upsampleNearest(new int[] {1, 2, 3, 4}, 2, 2, 4, 4);
    assertThat(up).isEqualTo(new int[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4});
    int[] odd = FeatureSegmenter.upsampleNearest(new int[] {0, 1, 2}, 1, 3, 1, 7);
    // floor(x * 3 / 7) for x = 0..6
    assertThat(odd).isEqualTo(new int[] {0, 0, 0, 1, 1, 2, 2});
  }

  @Test
  void featureSegmenterClustersDirectionsNotLengths() {
    // 2x2 patches, 2 channels: left column points along +c0 (lengths 1 and 9), right along +c1
    float[] features = {1f, 0f, 9f, 0f, 0f, 3f, 0f, 0.5f};
    double[][] vectors = FeatureSegmenter.normalisedPatchVectors(features, 2, 2, 2);
    assertThat(vectors[2][0]).isEqualTo(1.0);
    assertThat(vectors[3][1]).isEqualTo(1.0);
    for (ClusteringMethod method : ClusteringMethod.values()) {
      int[] segments = FeatureSegmenter.segment(features, 2, 2, 2, method, 2, 4, 4, 0);
      int[] truth = {1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2};
      assertThat(ForegroundAri.score(truth, segments)).isEqualTo(1.0);
    }
  }

  @Test
  void pixelBaselineSeparatesTwoColouredHalves() {
    int n = 8;
    float[] rgb = new float[3 * n * n];
    int[] mask = new int[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        boolean left = x < n / 2;
        mask[y * n + x] = left ? 1 : 2;
        rgb[(left ? 0 : 2) * n * n + y * n + x] = 1f;
      }
    }
    SegmentedImage image = new SegmentedImage(n, n, rgb, mask);
    int[] labels = PixelBaseline.segment(image, 2, 0);
    assertThat(ForegroundAri.score(mask, labels)).isEqualTo(1.0);
    assertThat(PixelBaseline.segment(image, 2, 0)).isEqualTo(labels);
  }

  /**
   * O(n^3) average linkage: repeatedly merge the two clusters with the smallest mean distance
   * over all pairs of their points, computed from the points each time; stop at k clusters.
   */
  private static int[] naiveAverageLinkage(double[][] points, int k) {
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      clusters.add(new ArrayList<>(List.of(i)));
    }
    while (clusters.size() > k) {
      int bestA = -1;
      int bestB = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double sum = 0;
          for (int i : clusters.get(a)) {
            for (int j : clusters.get(b)) {
              sum += Math.sqrt(KMeans.squaredDistance(points[i], points[j]));
            }
          }
          double mean = sum / (clusters.get(a).size() * clusters.get(b).size());
          if (mean < best) {
            best = mean;
            bestA = a;
            bestB = b;
          }
        }
      }
      clusters.get(bestA).addAll(clusters.remove(bestB));
    }
    int[] cluster = new int[points.length];
    for (int c = 0; c < clusters.size(); c++) {
      for (int i : clusters.get(c)) {
        cluster[i] = c;
      }
    }
    // number by first appearance, as AverageLinkage does
    int[] ids = new int[clusters.size()];
    Arrays.fill(ids, -1);
    int next = 0;
    int[] labels = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      if (ids[cluster[i]] < 0) {
        ids[cluster[i]] = next++;
      }
      labels[i] = ids[cluster[i]];
    }
    return labels;
  }
}
