package org.akorn.runtime.eval.segmentation;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SegmentationMetricsTest {

  // 2 rows of 4: objects 1 and 2 of two pixels each, four background pixels
  private static final int[] TRUTH = {1, 1, 0, 0, 2, 2, 0, 0};

  @Test
  void fgAriIsOneForPerfectAndPermutedSegmentations() {
    assertThat(ForegroundAri.score(TRUTH, new int[] {1, 1, 0, 0, 2, 2, 0, 0})).isEqualTo(1.0);
    assertThat(ForegroundAri.score(TRUTH, new int[] {7, 7, 3, 3, 5, 5, 3, 3})).isEqualTo(1.0);
    // background pixels do not count: any labels there
    assertThat(ForegroundAri.score(TRUTH, new int[] {7, 7, 1, 5, 5, 5, 7, 2})).isEqualTo(1.0);
  }

  @Test
  void fgAriIsZeroWhenObjectsAreMerged() {
    assertThat(ForegroundAri.score(TRUTH, new int[] {0, 0, 1, 1, 0, 0, 1, 1})).isEqualTo(0.0);
  }

  @Test
  void fgAriOfAHandComputedPartialMatch() {
    // truth (3, 3) pixels, prediction (2, 2, 2); pairs agreeing: sum C(n_ij, 2) = 2,
    // expected 6 * 3 / 15 = 1.2, maximum (6 + 3) / 2 = 4.5: ARI = 0.8 / 3.3 = 8 / 33
    int[] truth = {1, 1, 1, 2, 2, 2, 0};
    int[] predicted = {0, 0, 1, 1, 2, 2, 9};
    assertThat(ForegroundAri.score(truth, predicted)).isWithin(1e-15).of(8.0 / 33.0);
  }

  @Test
  void fgAriOfOneObjectSplitInTwoIsZeroAndOfNoForegroundIsOne() {
    assertThat(ForegroundAri.score(new int[] {1, 1, 1, 1}, new int[] {0, 0, 1, 1})).isEqualTo(0.0);
    assertThat(ForegroundAri.score(new int[] {0, 0, -1}, new int[] {0, 1, 2})).isEqualTo(1.0);
  }

  @Test
  void fgAriMatchesBruteForcePairCountingOnRandomMasks() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + random.nextInt(60);
      int[] truth = new int[n];
      int[] predicted = new int[n];
      int objects = 1 + random.nextInt(4);
      int segments = 1 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        truth[i] = random.nextInt(objects + 1) - (random.nextInt(10) == 0 ? 1 : 0);
        predicted[i] = random.nextInt(segments);
      }
      double expected = bruteForceAri(truth, predicted);
      assertThat(ForegroundAri.score(truth, predicted)).isWithin(1e-12).of(expected);
    }
  }

  @Test
  void mboIsOneForPerfectAndPermutedSegmentations() {
    assertThat(MeanBestOverlap.score(TRUTH, new int[] {1, 1, 0, 0, 2, 2, 0, 0}))
        .isWithin(1e-9).of(1.0);
    assertThat(MeanBestOverlap.score(TRUTH, new int[] {4, 4, 6, 6, 5, 5, 6, 6}))
        .isWithin(1e-9).of(1.0);
  }

  @Test
  void mboOfMergedObjectsIsTheirShareOfTheUnion() {
    // segment 0 covers both objects: IoU 2 / 4 for each
    assertThat(MeanBestOverlap.score(TRUTH, new int[] {0, 0, 1, 1, 0, 0, 1, 1}))
        .isWithin(1e-9).of(0.5);
    // one segment for the whole image: IoU 2 / 8 for each
    assertThat(MeanBestOverlap.score(TRUTH, new int[8])).isWithin(1e-9).of(0.25);
  }

  @Test
  void mboHandComputedWithIgnoredPixels() {
    // object 1: pixels 0-2, object 2: pixels 3-4, pixel 5 ignored, 6-7 background
    int[] truth = {1, 1, 1, 2, 2, -1, 0, 0};
    int[] predicted = {0, 0, 1, 1, 1, 1, 2, 2};
    // object 1: segment 0 -> 2 / 3, segment 1 -> 1 / 5 (pixel 5 does not count) -> 2/3
    // object 2: segment 1 -> 2 / 3 -> 2/3
    assertThat(MeanBestOverlap.score(truth, predicted)).isWithin(1e-9).of(2.0 / 3.0);
  }

  @Test
  void mboOfAnImageWithoutObjectsIsLeftOutOfTheMean() {
    assertThat(MeanBestOverlap.score(new int[] {0, 0}, new int[] {0, 1}))
        .isEqualTo(MeanBestOverlap.NO_OBJECTS);
    SegmentationScores scores = SegmentationScores.of(
        List.of(new int[] {0, 0}, TRUTH),
        List.of(new int[] {0, 1}, new int[] {0, 0, 1, 1, 0, 0, 1, 1}));
    assertThat(scores.mbo()).isWithin(1e-9).of(0.5);
    assertThat(scores.fgAri()).isWithin(1e-12).of((1.0 + 0.0) / 2);
    assertThat(scores.images()).isEqualTo(2);
  }

  @Test
  void mboMatchesBruteForceOnRandomMasks() {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(50);
      int[] truth = new int[n];
      int[] predicted = new int[n];
      for (int i = 0; i < n; i++) {
        truth[i] = random.nextInt(5) - 1;
        predicted[i] = random.nextInt(4);
      }
      // the reference's 1e-9 in the IoU denominator moves a score by at most 1e-9
      assertThat(MeanBestOverlap.score(truth, predicted))
          .isWithin(2e-9).of(bruteForceMbo(truth, predicted));
    }
  }

  @Test
  void rejectsMismatchedSizes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ForegroundAri.score(new int[3], new int[4]));
    assertThat(e).hasMessageThat().isEqualTo("truth has 3 pixels, prediction 4");
  }

  /** Hubert and Arabie's ARI from unordered pair counts, pairs enumerated one by one. */
  private static double bruteForceAri(int[] truth, int[] predicted) {
    double a = 0; // same in both
    double b = 0; // same truth only
    double c = 0; // same prediction only
    double d = 0; // different in both
    for (int i = 0; i < truth.length; i++) {
      for (int j = i + 1; j < truth.length; j++) {
        if (truth[i] <= 0 || truth[j] <= 0) {
          continue;
        }
        boolean sameTruth = truth[i] == truth[j];
        boolean samePred = predicted[i] == predicted[j];
        if (sameTruth && samePred) {
          a++;
        } else if (sameTruth) {
          b++;
        } else if (samePred) {
          c++;
        } else {
          d++;
        }
      }
    }
    if (b == 0 && c == 0) {
      return 1.0;
    }
    return 2.0 * (a * d - b * c) / ((a + b) * (b + d) + (a + c) * (c + d));
  }

  private static double bruteForceMbo(int[] truth, int[] predicted) {
    TreeSet<Integer> objects = new TreeSet<>();
    for (int t : truth) {
      if (t > 0) {
        objects.add(t);
      }
    }
    if (objects.isEmpty()) {
      return -1;
    }
    double sum = 0;
    for (int o : objects) {
      double best = 0;
      for (int s = 0; s < 4; s++) {
        int inter = 0;
        int union = 0;
        boolean present = false;
        for (int i = 0; i < truth.length; i++) {
          boolean inS = truth[i] >= 0 && predicted[i] == s;
          present |= inS;
          inter += (truth[i] == o && inS) ? 1 : 0;
          union += (truth[i] == o || inS) ? 1 : 0;
        }
        if (present) {
          best = Math.max(best, (double) inter / union);
        }
      }
      sum += best;
    }
    return sum / objects.size();
  }
}
