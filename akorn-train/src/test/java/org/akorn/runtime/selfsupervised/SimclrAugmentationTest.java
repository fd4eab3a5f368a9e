package org.akorn.runtime.selfsupervised;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimclrAugmentationTest {

  @Test
  void referenceSettingsAreThoseOfTheObjectDiscoveryRecipe() {
    SimclrAugmentation a = SimclrAugmentation.reference(32);
    assertThat(a).isEqualTo(new SimclrAugmentation(32, 0.08, 1, 0, 0.8, 0.4, 0.4, 0.4, 0.1, 0.2));
    assertThat(a.withFlips(0.5).flipProbability()).isEqualTo(0.5);
  }

  @Test
  void resizingAFullCropToItsOwnSizeIsTheIdentity() {
    float[] rgb = random(3 * 6 * 6, 1);
    float[] out = RandomResizedCrop.apply(rgb, 6, 6, new RandomResizedCrop.Box(0, 0, 6, 6), 6);
    assertThat(out).isEqualTo(rgb);
  }

  @Test
  void upscalingIsBilinearWithHalfPixelCentres() {
    // one row [0, 1] to four columns: centres at 0.25, 0.75, 1.25, 1.75 input pixels
    double[][] w = RandomResizedCrop.weights(2, 4);
    assertThat(w[0]).usingTolerance(1e-12).containsExactly(1.0).inOrder();
    assertThat(w[1]).usingTolerance(1e-12).containsExactly(0.75, 0.25).inOrder();
    assertThat(w[2]).usingTolerance(1e-12).containsExactly(0.25, 0.75).inOrder();
    float[] rgb = new float[3 * 2 * 2];
    rgb[1] = 1f;
    rgb[3] = 1f; // red channel: both rows [0, 1]
    float[] out = RandomResizedCrop.apply(rgb, 2, 2, new RandomResizedCrop.Box(0, 0, 2, 2), 4);
    assertThat(new float[] {out[0], out[1], out[2], out[3]})
        .usingTolerance(1e-6).containsExactly(0f, 0.25f, 0.75f, 1f).inOrder();
  }

  @Test
  void shrinkingAveragesWithAWidenedTriangle() {
    // 4 -> 2: scale 2, support 2; output 0 is centred at input 1.0 and reaches inputs 0..2,
    // weighed 1 - |i + 0.5 - 1| / 2 = 0.75, 0.75, 0.25, then normalised by their sum 1.75
    double[][] w = RandomResizedCrop.weights(4, 2);
    assertThat(w[0]).usingTolerance(1e-12).containsExactly(0.75 / 1.75, 0.75 / 1.75, 0.25 / 1.75)
        .inOrder();
  }

  @Test
  void cropBoxesFollowTheScaleAndRatioRanges() {
    SplittableRandom random = new SplittableRandom(3);
    double smallest = 1;
    double largest = 0;
    for (int i = 0; i < 3000; i++) {
      RandomResizedCrop.Box b = RandomResizedCrop.box(32, 32, 0.08, 1.0, random);
      assertThat(b.top()).isAtLeast(0);
      assertThat(b.left()).isAtLeast(0);
      assertThat(b.top() + b.height()).isAtMost(32);
      assertThat(b.left() + b.width()).isAtMost(32);
      double fraction = b.height() * b.width() / 1024.0;
      smallest = Math.min(smallest, fraction);
      largest = Math.max(largest, fraction);
      double ratio = (double) b.width() / b.height();
      // rounding of each side moves the ratio off [3/4, 4/3] a little for small crops
      assertThat(ratio).isAtLeast(0.75 * 8 / 10.0);
      assertThat(ratio).isAtMost(4.0 / 3 * 10 / 8.0);
    }
    assertThat(smallest).isLessThan(0.12);
    assertThat(largest).isGreaterThan(0.9);
  }

  @Test
  void colourOperationsMatchTheirDefinitions() {
    float[] rgb = {0.5f, 0.2f, 0.1f};
    ColourDistortion.brightness(rgb, 1.2);
    assertThat(rgb).usingTolerance(1e-6).containsExactly(0.6f, 0.24f, 0.12f).inOrder();
    float[] grey = {0.5f, 0.2f, 0.1f};
    ColourDistortion.grey(grey);
    float luma = (float) (0.299 * 0.5 + 0.587 * 0.2 + 0.114 * 0.1);
    assertThat(grey).usingTolerance(1e-6).containsExactly(luma, luma, luma).inOrder();
    float[] red = {1f, 0f, 0f};
    ColourDistortion.hue(red, 1.0 / 3);
    assertThat(red).usingTolerance(1e-6).containsExactly(0f, 1f, 0f).inOrder();
    float[] unchanged = {0.3f, 0.7f, 0.4f};
    ColourDistortion.hue(unchanged, 0);
    assertThat(unchanged).usingTolerance(1e-6).containsExactly(0.3f, 0.7f, 0.4f).inOrder();
    // two pixels, grey levels 0.2 and 0.6 (mean 0.4): contrast 0.5 pulls both halfway
    float[] two = {0.2f, 0.6f, 0.2f, 0.6f, 0.2f, 0.6f};
    ColourDistortion.contrast(two, 0.5);
    assertThat(two).usingTolerance(1e-6).containsExactly(0.3f, 0.5f, 0.3f, 0.5f, 0.3f, 0.5f)
        .inOrder();
    float[] saturated = {1f, 0f, 0f};
    ColourDistortion.saturation(saturated, 0);
    assertThat(saturated).usingTolerance(1e-6).containsExactly(0.299f, 0.299f, 0.299f).inOrder();
  }

  @Test
  void flipMirrorsEveryRow() {
    float[] rgb = new float[3 * 2 * 2];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = i;
    }
    SimclrAugmentation.flip(rgb, 2);
    assertThat(rgb).isEqualTo(new float[] {1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10});
  }

  @Test
  void pairsAreDeterministicPerSeedAndInRange() {
    SimclrAugmentation a = SimclrAugmentation.reference(8);
    List<float[]> images = List.of(random(3 * 10 * 10, 4), random(3 * 10 * 10, 5));
    float[] first = a.pairs(images, 10, 10, new SplittableRandom(1));
    float[] again = a.pairs(images, 10, 10, new SplittableRandom(1));
    assertThat(first).hasLength(2 * 2 * 3 * 8 * 8);
    assertThat(again).isEqualTo(first);
    assertThat(a.pairs(images, 10, 10, new SplittableRandom(2))).isNotEqualTo(first);
    for (float v : first) {
      assertThat(v).isAtLeast(0f);
      assertThat(v).isAtMost(1f);
    }
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) r.nextDouble();
    }
    return out;
  }
}
