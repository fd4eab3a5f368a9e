package org.akorn.runtime.data.augment;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every operation against values worked out by hand from its formula. */
class ImageOpsTest {

  /** A grey 3x3 image with values v / 10. */
  private static FloatImage grey3x3(float... tenths) {
    float[] v = new float[9];
    for (int i = 0; i < 9; i++) {
      v[i] = tenths[i] / 10f;
    }
    return new FloatImage(1, 3, 3, v);
  }

  private static FloatImage rgbPixel(float r, float g, float b) {
    return new FloatImage(3, 1, 1, new float[] {r, g, b});
  }

  @Test
  void flipMirrorsEveryRow() {
    FloatImage img = grey3x3(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ImageOps.flipHorizontal(img)).isEqualTo(grey3x3(3, 2, 1, 6, 5, 4, 9, 8, 7));
  }

  @Test
  void cropTakesTheWindowAndRejectsOneThatDoesNotFit() {
    FloatImage img = grey3x3(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ImageOps.crop(img, 1, 1, 2, 2).values())
        .usingExactEquality().containsExactly(0.5f, 0.6f, 0.8f, 0.9f).inOrder();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageOps.crop(img, 2, 0, 2, 2));
    assertThat(e).hasMessageThat().isEqualTo("crop 2x2 at (2, 0) does not fit FloatImage[1, 3, 3]");
  }

  @Test
  void bilinearResizeWithAlignedPixelCentres() {
    // [a, b] to 4 columns: sources -0.25 (clamped to 0), 0.25, 0.75, 1.25 (-> last pixel).
    FloatImage row = new FloatImage(1, 1, 2, new float[] {0f, 1f});
    assertThat(ImageOps.resizeBilinear(row, 1, 4).values())
        .usingTolerance(1e-7).containsExactly(0f, 0.25f, 0.75f, 1f).inOrder();
    FloatImage img = grey3x3(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ImageOps.resizeBilinear(img, 3, 3)).isEqualTo(img);
  }

  @Test
  void brightnessScalesAndClamps() {
    FloatImage img = grey3x3(0, 2, 4, 6, 8, 10, 1, 3, 5);
    assertThat(ImageOps.brightness(img, 1.5).values()).usingTolerance(1e-6)
        .containsExactly(0f, 0.3f, 0.6f, 0.9f, 1f, 1f, 0.15f, 0.45f, 0.75f).inOrder();
  }

  @Test
  void contrastBlendsWithTheMeanGreyLevel() {
    // mean 0.5: 0.5 * x + 0.25
    FloatImage img = grey3x3(0, 2, 4, 6, 8, 10, 5, 5, 5);
    assertThat(ImageOps.contrast(img, 0.5).values()).usingTolerance(1e-6)
        .containsExactly(0.25f, 0.35f, 0.45f, 0.55f, 0.65f, 0.75f, 0.5f, 0.5f, 0.5f).inOrder();
    // RGB: the mean of 0.2989 r + 0.587 g + 0.114 b over the image
    FloatImage red = rgbPixel(1f, 0f, 0f);
    assertThat(ImageOps.contrast(red, 0).values()).usingTolerance(1e-6)
        .containsExactly(0.2989f, 0.2989f, 0.2989f).inOrder();
  }

  @Test
  void saturationBlendsRgbWithItsGreyAndLeavesGreyImagesAlone() {
    FloatImage px = rgbPixel(0.8f, 0.4f, 0.2f);
    double grey = 0.2989 * 0.8 + 0.587 * 0.4 + 0.114 * 0.2;
    assertThat(ImageOps.saturation(px, 0.5).values()).usingTolerance(1e-6)
        .containsExactly((float) (0.4 + grey / 2), (float) (0.2 + grey / 2),
            (float) (0.1 + grey / 2)).inOrder();
    FloatImage g = grey3x3(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(ImageOps.saturation(g, 0)).isEqualTo(g);
    assertThat(ImageOps.hue(g, 0.3)).isEqualTo(g);
  }

  @Test
  void hueTurnsTheColourWheel() {
    // red turned by a third is green, by two thirds blue; a sixth of a turn makes yellow
    assertThat(ImageOps.hue(rgbPixel(1f, 0f, 0f), 1.0 / 3).values()).usingTolerance(1e-6)
        .containsExactly(0f, 1f, 0f).inOrder();
    assertThat(ImageOps.hue(rgbPixel(1f, 0f, 0f), -1.0 / 3).values()).usingTolerance(1e-6)
        .containsExactly(0f, 0f, 1f).inOrder();
    assertThat(ImageOps.hue(rgbPixel(0.6f, 0.3f, 0.3f), 1.0 / 6).values()).usingTolerance(1e-6)
        .containsExactly(0.6f, 0.6f, 0.3f).inOrder();
    // grey pixels have no hue
    assertThat(ImageOps.hue(rgbPixel(0.5f, 0.5f, 0.5f), 0.25).values()).usingTolerance(1e-6)
        .containsExactly(0.5f, 0.5f, 0.5f).inOrder();
  }

  @Test
  void sharpnessBlendsTheInsideWithItsSmoothedValue() {
    // centre: (1+2+3+4+6+7+8+9 + 5*9) / 13 / 10 = 85/130; borders unchanged
    FloatImage img = grey3x3(1, 2, 3, 4, 9, 6, 7, 8, 9);
    float[] out = ImageOps.sharpness(img, 0).values();
    assertThat(out[4]).isWithin(1e-6f).of(85f / 130f);
    assertThat(out[0]).isEqualTo(0.1f);
    float[] sharp = ImageOps.sharpness(img, 1.2).values();
    assertThat(sharp[4]).isWithin(1e-6f).of((float) (1.2 * 0.9 - 0.2 * 85.0 / 130));
    assertThat(ImageOps.sharpness(img, 3).values()[4]).isEqualTo(1f); // clamped
  }

  @Test
  void posterizeKeepsTheTopBits() {
    FloatImage img = new FloatImage(1, 1, 3, new float[] {255 / 255f, 100 / 255f, 15 / 255f});
    // 4 bits: 255 & 0xf0 = 240, 100 & 0xf0 = 96, 15 & 0xf0 = 0
    assertThat(ImageOps.posterize(img, 4).values()).usingExactEquality()
        .containsExactly(240 / 255f, 96 / 255f, 0f).inOrder();
    assertThat(ImageOps.posterize(img, 8).values()).usingExactEquality()
        .containsExactly(1f, 100 / 255f, 15 / 255f).inOrder();
  }

  @Test
  void solarizeInvertsFromTheThresholdUp() {
    FloatImage img = grey3x3(1, 5, 8, 9, 10, 0, 7, 3, 6);
    assertThat(ImageOps.solarize(img, 0.8).values()).usingTolerance(1e-6)
        .containsExactly(0.1f, 0.5f, 0.2f, 0.1f, 0f, 0f, 0.7f, 0.3f, 0.6f).inOrder();
  }

  @Test
  void autocontrastStretchesEachChannel() {
    FloatImage img = new FloatImage(2, 1, 3, new float[] {0.2f, 0.4f, 0.6f, 0.5f, 0.5f, 0.5f});
    assertThat(ImageOps.autocontrast(img).values()).usingTolerance(1e-6)
        .containsExactly(0f, 0.5f, 1f, 0.5f, 0.5f, 0.5f).inOrder();
  }

  @Test
  void equalizeMapsLevelsByTheirCumulativeCount() {
    // 8-bit levels 0 x2, 10 x1, 20 x1, 255 x1 (5 pixels): step = (5 - 1) / 255 = 0 -> unchanged
    FloatImage few = new FloatImage(1, 1, 5, new float[] {0f, 0f, 10 / 255f, 20 / 255f, 1f});
    assertThat(ImageOps.equalize(few)).isEqualTo(few);
    // 1020 pixels: 510 at level 0, 255 at 100, 255 at 200: step = (1020 - 255) / 255 = 3;
    // lut(0) = 0, lut(100) = (510 + 1) / 3 = 170, lut(200) = (765 + 1) / 3 = 255
    float[] v = new float[1020];
    for (int i = 510; i < 765; i++) {
      v[i] = 100 / 255f;
    }
    for (int i = 765; i < 1020; i++) {
      v[i] = 200 / 255f;
    }
    float[] out = ImageOps.equalize(new FloatImage(1, 1, 1020, v)).values();
    assertThat(out[0]).isEqualTo(0f);
    assertThat(out[600]).isEqualTo(170 / 255f);
    assertThat(out[900]).isEqualTo(1f);
  }

  @Test
  void shearsTranslationAndRotationSampleTheNearestPixel() {
    FloatImage img = grey3x3(1, 2, 3, 4, 5, 6, 7, 8, 9);
    // shear x by 1: output pixel (x, y), centre (x + 0.5, y + 0.5), shows the input pixel
    // containing (x + y + 1, y + 0.5), i.e. column x + y + 1 of row y
    assertThat(ImageOps.shearX(img, 1).values()).usingTolerance(1e-7)
        .containsExactly(0.2f, 0.3f, 0f, 0.6f, 0f, 0f, 0f, 0f, 0f).inOrder();
    // shear y: column x, row x + y + 1
    assertThat(ImageOps.shearY(img, 1).values()).usingTolerance(1e-7)
        .containsExactly(0.4f, 0.8f, 0f, 0.7f, 0f, 0f, 0f, 0f, 0f).inOrder();
    assertThat(ImageOps.translate(img, 1, -1).values()).usingTolerance(1e-7)
        .containsExactly(0f, 0.4f, 0.5f, 0f, 0.7f, 0.8f, 0f, 0f, 0f).inOrder();
    // a quarter turn counter-clockwise: the right column becomes the top row
    assertThat(ImageOps.rotate(img, 90).values()).usingTolerance(1e-7)
        .containsExactly(0.3f, 0.6f, 0.9f, 0.2f, 0.5f, 0.8f, 0.1f, 0.4f, 0.7f).inOrder();
    assertThat(ImageOps.rotate(img, 0)).isEqualTo(img);
  }
}
