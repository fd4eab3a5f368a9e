package org.akorn.runtime.data.augment;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The random augmentations: what each draws, and that a seed fixes the result. */
class RandomAugmentationsTest {

  private static FloatImage ramp(int channels, int h, int w) {
    float[] v = new float[channels * h * w];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i % 97) / 96f;
    }
    return new FloatImage(channels, h, w, v);
  }

  @Test
  void flipFollowsItsProbability() {
    FloatImage img = ramp(1, 4, 5);
    assertThat(new RandomFlip(1).apply(img, new SplittableRandom(1)))
        .isEqualTo(ImageOps.flipHorizontal(img));
    assertThat(new RandomFlip(0).apply(img, new SplittableRandom(1))).isEqualTo(img);
    SplittableRandom random = new SplittableRandom(3);
    int flipped = 0;
    for (int i = 0; i < 1000; i++) {
      flipped += new RandomFlip(0.5).apply(img, random).equals(img) ? 0 : 1;
    }
    assertThat(flipped).isIn(com.google.common.collect.Range.closed(450, 550));
  }

  @Test
  void resizedCropWindowsStayWithinScaleAndRatio() {
    RandomResizedCrop crop = RandomResizedCrop.reference();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 2000; i++) {
      int[] box = crop.window(28, 28, random);
      int top = box[0];
      int left = box[1];
      int h = box[2];
      int w = box[3];
      assertThat(top + h).isAtMost(28);
      assertThat(left + w).isAtMost(28);
      // rounding w and h each by up to 0.5 pixel widens the area and ratio ranges a little
      assertThat((double) h * w).isAtLeast(0.2 * 784 - (h + w) / 2.0 - 0.25);
      assertThat((double) w / h).isAtMost(4.0 / 3 * (1 + 1.0 / h) + 0.5 / h);
      assertThat((double) w / h).isAtLeast(3.0 / 4 / (1 + 1.0 / w) - 0.5 / h);
    }
    // No window of a 1x100 image has a ratio within 3/4..4/3: the central fallback is 1 x
    // round(4/3) = 1 pixel wide at column (100 - 1) / 2 = 49.
    assertThat(crop.window(1, 100, new SplittableRandom(1)))
        .asList().containsExactly(0, 49, 1, 1).inOrder();
    // The whole image at scale and ratio 1 comes back as it was.
    FloatImage img = ramp(3, 6, 6);
    assertThat(new RandomResizedCrop(1, 1, 1, 1).apply(img, new SplittableRandom(2)))
        .isEqualTo(img);
  }

  @Test
  void colourJitterOnGreyImagesIsBrightnessAndContrastInSomeOrder() {
    FloatImage img = ramp(1, 4, 4);
    assertThat(new ColorJitter(0, 0, 0, 0).apply(img, new SplittableRandom(1))).isEqualTo(img);
    // brightness only: every value scaled by one factor in [0.6, 1.4] (none clamps below 1/1.4)
    FloatImage dim = ImageOps.brightness(img, 0.7);
    FloatImage out = new ColorJitter(0.4, 0, 0.4, 0.1).apply(dim, new SplittableRandom(9));
    double factor = out.values()[5] / dim.values()[5];
    assertThat(factor).isIn(com.google.common.collect.Range.closed(0.6, 1.4));
    for (int i = 1; i < 16; i++) {
      assertThat((double) out.values()[i]).isWithin(1e-6).of(factor * dim.values()[i]);
    }
  }

  @Test
  void augMixOperationsUseTorchvisionsMagnitudes() {
    FloatImage img = ramp(1, 30, 30);
    assertThat(AugMix.Op.ROTATE.apply(img, 2, true)).isEqualTo(ImageOps.rotate(img, -6));
    assertThat(AugMix.Op.SHEAR_X.apply(img, 1, false)).isEqualTo(ImageOps.shearX(img, 0.03));
    assertThat(AugMix.Op.TRANSLATE_X.apply(img, 2, false))
        .isEqualTo(ImageOps.translate(img, 2, 0));
    assertThat(AugMix.Op.TRANSLATE_Y.apply(img, 1, true))
        .isEqualTo(ImageOps.translate(img, 0, -1));
    assertThat(AugMix.Op.POSTERIZE.apply(img, 2, false)).isEqualTo(ImageOps.posterize(img, 3));
    assertThat(AugMix.Op.POSTERIZE.apply(img, 1, false)).isEqualTo(ImageOps.posterize(img, 4));
    assertThat(AugMix.Op.SOLARIZE.apply(img, 2, false)).isEqualTo(ImageOps.solarize(img, 0.8));
    assertThat(AugMix.Op.CONTRAST.apply(img, 2, true)).isEqualTo(ImageOps.contrast(img, 0.82));
    assertThat(AugMix.Op.SHARPNESS.apply(img, 1, false))
        .isEqualTo(ImageOps.sharpness(img, 1.09));
    assertThat(AugMix.Op.BRIGHTNESS.apply(img, 0, true)).isEqualTo(img);
    assertThat(AugMix.Op.values()).hasLength(13);
  }

  @Test
  void dirichletWeightsSumToOneWithMeanOneOverN() {
    AugMix mix = AugMix.reference();
    SplittableRandom random = new SplittableRandom(11);
    double[] mean = new double[3];
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double[] w = mix.dirichlet(random, 3);
      assertThat(w[0] + w[1] + w[2]).isWithin(1e-12).of(1.0);
      for (int k = 0; k < 3; k++) {
        assertThat(w[k]).isAtLeast(0.0);
        mean[k] += w[k] / n;
      }
    }
    for (double m : mean) {
      assertThat(m).isWithin(0.01).of(1.0 / 3);
    }
    // Gamma(2.5) has mean 2.5 (the general branch)
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Gamma.sample(random, 2.5);
    }
    assertThat(sum / n).isWithin(0.05).of(2.5);
  }

  @Test
  void strongAugmentationIsFixedBySeedAndStaysInRange() {
    FloatImage img = ramp(3, 16, 16);
    FloatImage a = Augmentations.STRONG.apply(img, new SplittableRandom(42));
    FloatImage b = Augmentations.STRONG.apply(img, new SplittableRandom(42));
    FloatImage c = Augmentations.STRONG.apply(img, new SplittableRandom(43));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
    assertThat(a).isNotEqualTo(img);
    for (float v : a.values()) {
      assertThat(v).isIn(com.google.common.collect.Range.closed(0f, 1f));
    }
    assertThat(Augmentations.NONE.apply(img, new SplittableRandom(1))).isEqualTo(img);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Augmentations.parse("weak"));
    assertThat(e).hasMessageThat().isEqualTo("unknown augmentation 'weak'; choose none or strong");
    assertThat(Augmentations.parse("strong")).isEqualTo(Augmentations.STRONG);
  }
}
