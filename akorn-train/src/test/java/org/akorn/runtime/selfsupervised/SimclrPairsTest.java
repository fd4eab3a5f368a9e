package org.akorn.runtime.selfsupervised;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.data.objects.TetrominoesGenerator;
import org.junit.jupiter.api.Test;

class SimclrPairsTest {

  @Test
  void batchesHoldTwoViewsPerImageAndAreDeterministic() {
    SimclrAugmentation aug = SimclrAugmentation.reference(32);
    TetrominoesGenerator gen = new TetrominoesGenerator(32);
    try (NDManager m = NDManager.newBaseManager()) {
      SimclrPairs a = SimclrPairs.generated(gen, aug, 5);
      SimclrPairs b = SimclrPairs.generated(gen, aug, 5);
      NDArray first = a.next(m, 3);
      assertThat(first.getShape()).isEqualTo(new Shape(6, 3, 32, 32));
      assertThat(b.next(m, 3).toFloatArray()).isEqualTo(first.toFloatArray());
      assertThat(a.next(m, 3).toFloatArray()).isNotEqualTo(first.toFloatArray());
    }
  }

  @Test
  void viewsOfAnIdentityAugmentationAreTheImagesInOrder() {
    // a full-area crop of a square image is the whole image: any other aspect ratio makes one
    // side longer than the image, and ten failed tries fall back to the (full) central crop
    SimclrAugmentation none = new SimclrAugmentation(35, 1.0, 1.0, 0, 0, 0, 0, 0, 0, 0);
    List<SegmentedImage> images = new TetrominoesGenerator(35).images(2, 0, 4);
    try (NDManager m = NDManager.newBaseManager()) {
      SimclrPairs pairs = SimclrPairs.of(images, none, 1);
      Set<Integer> seen = new HashSet<>();
      for (int pass = 0; pass < 2; pass++) {
        float[] batch = pairs.next(m, 4).toFloatArray();
        int view = 3 * 35 * 35;
        for (int i = 0; i < 4; i++) {
          int match = -1;
          for (int j = 0; j < 4; j++) {
            float[] first = java.util.Arrays.copyOfRange(batch, 2 * i * view, (2 * i + 1) * view);
            float[] second =
                java.util.Arrays.copyOfRange(batch, (2 * i + 1) * view, (2 * i + 2) * view);
            if (java.util.Arrays.equals(first, images.get(j).rgb())) {
              assertThat(second).isEqualTo(first);
              match = j;
            }
          }
          seen.add(pass * 10 + match);
        }
      }
      // every image once per pass
      assertThat(seen).containsExactly(0, 1, 2, 3, 10, 11, 12, 13);
    }
  }
}
