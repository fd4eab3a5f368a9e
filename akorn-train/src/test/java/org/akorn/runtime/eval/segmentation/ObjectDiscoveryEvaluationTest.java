package org.akorn.runtime.eval.segmentation;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.ReferenceModels;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.data.objects.TetrominoesGenerator;
import org.junit.jupiter.api.Test;

class ObjectDiscoveryEvaluationTest {

  private static final List<SegmentedImage> IMAGES = new TetrominoesGenerator(32).images(1, 0, 6);

  @Test
  void featuresThatEncodeTheMaskGivePerfectScores() {
    for (ClusteringMethod method : ClusteringMethod.values()) {
      try (NDManager m = NDManager.newBaseManager()) {
        List<Integer> progress = new ArrayList<>();
        ObjectDiscoveryEvaluation.Result r = ObjectDiscoveryEvaluation.evaluate(IMAGES,
            ObjectDiscoveryEvaluationTest::oneHotOfMask,
            new ObjectDiscoveryEvaluation.Settings(method, 4, 4, 0), m, progress::add);
        assertThat(r.scores().fgAri()).isEqualTo(1.0);
        assertThat(r.scores().mbo()).isWithin(1e-8).of(1.0);
        assertThat(r.scores().images()).isEqualTo(6);
        assertThat(progress).containsExactly(4, 6).inOrder();
        assertThat(r.predicted().get(0)).hasLength(32 * 32);
      }
    }
  }

  @Test
  void constantFeaturesMergeEverything() {
    try (NDManager m = NDManager.newBaseManager()) {
      ObjectDiscoveryEvaluation.Result r = ObjectDiscoveryEvaluation.evaluate(IMAGES,
          images -> images.getManager().ones(new Shape(images.getShape().get(0), 3, 8, 8)),
          new ObjectDiscoveryEvaluation.Settings(ClusteringMethod.AGGLOMERATIVE, 4, 6, 0), m,
          n -> {});
      assertThat(r.scores().fgAri()).isEqualTo(0.0);
      // one segment: each object's IoU is its area over the image's
      double expected = 0;
      for (SegmentedImage image : IMAGES) {
        int[] area = new int[4];
        for (int id : image.mask()) {
          area[id]++;
        }
        expected += (area[1] + area[2] + area[3]) / 3.0 / 1024 / IMAGES.size();
      }
      assertThat(r.scores().mbo()).isWithin(1e-8).of(expected);
    }
  }

  @Test
  void runsAnUntrainedObjectsNetworkEndToEnd() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net = ReferenceModels.objects(Map.of("n", 4, "ch", 16, "L", 1, "T", 2,
          "psize", 4, "imsize", 32, "J", "attn", "heads", 2, "c_norm", "none"));
      net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      FeatureExtractor extractor =
          FeatureExtractor.lastReadOut(net, new ParameterStore(m, false), RunOptions.defaults());
      ObjectDiscoveryEvaluation.Settings settings =
          new ObjectDiscoveryEvaluation.Settings(ClusteringMethod.KMEANS, 4, 3, 0);
      ObjectDiscoveryEvaluation.Result a =
          ObjectDiscoveryEvaluation.evaluate(IMAGES, extractor, settings, m, n -> {});
      ObjectDiscoveryEvaluation.Result b =
          ObjectDiscoveryEvaluation.evaluate(IMAGES, extractor, settings, m, n -> {});
      assertThat(a.predicted()).hasSize(6);
      for (int i = 0; i < 6; i++) {
        assertThat(a.predicted().get(i)).isEqualTo(b.predicted().get(i));
        // 8x8 patches upsampled by 4: constant on every 4x4 block
        int[] p = a.predicted().get(i);
        assertThat(p[0]).isEqualTo(p[3 * 32 + 3]);
        assertThat(p[4 * 32 + 4]).isEqualTo(p[7 * 32 + 7]);
      }
      assertThat(a.scores().fgAri()).isAtLeast(-1.0);
      assertThat(a.scores().fgAri()).isAtMost(1.0);
      assertThat(a.scores().mbo()).isGreaterThan(0.0);
    }
  }

  @Test
  void pixelBaselineScoresEveryImage() {
    ObjectDiscoveryEvaluation.Result r = ObjectDiscoveryEvaluation.pixelBaseline(
        IMAGES, new ObjectDiscoveryEvaluation.Settings(ClusteringMethod.KMEANS, 4, 1, 0));
    assertThat(r.predicted()).hasSize(6);
    List<int[]> truth = IMAGES.stream().map(SegmentedImage::mask).toList();
    assertThat(r.scores()).isEqualTo(SegmentationScores.of(truth, r.predicted()));
  }

  @Test
  void rejectsFeaturesOfTheWrongRank() {
    try (NDManager m = NDManager.newBaseManager()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ObjectDiscoveryEvaluation.evaluate(IMAGES,
              images -> images.getManager().ones(new Shape(6, 3)),
              new ObjectDiscoveryEvaluation.Settings(ClusteringMethod.KMEANS, 4, 6, 0), m,
              n -> {}));
      assertThat(e).hasMessageThat().isEqualTo("features must be [6, C, h, w], got (6, 3)");
    }
  }

  /** [B, 4, H, W]: channel id is 1 where the true mask is id. */
  private static NDArray oneHotOfMask(NDArray images) {
    int b = (int) images.getShape().get(0);
    int start = -1;
    // find which images these are by comparing pixels
    for (int i = 0; i + b <= IMAGES.size() && start < 0; i++) {
      float[] first = IMAGES.get(i).rgb();
      float[] got = images.get(0).toFloatArray();
      if (java.util.Arrays.equals(first, got)) {
        start = i;
      }
    }
    float[] data = new float[b * 4 * 32 * 32];
    for (int i = 0; i < b; i++) {
      int[] mask = IMAGES.get(start + i).mask();
      for (int p = 0; p < mask.length; p++) {
        data[(i * 4 + mask[p]) * 1024 + p] = 1f;
      }
    }
    return images.getManager().create(data, new Shape(b, 4, 32, 32));
  }
}
