package org.akorn.runtime.data.objects;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapesGeneratorTest {

  @Test
  void masksAreExactAndShapesNeverTouch() {
    for (boolean texture : new boolean[] {false, true}) {
      ShapesGenerator generator = new ShapesGenerator(40, 2, 4, texture);
      int[] counts = new int[5];
      for (SegmentedImage image : generator.images(5, 0, 100)) {
        int k = image.objectCount();
        counts[k]++;
        assertThat(k).isAtLeast(2);
        assertThat(k).isAtMost(4);
        int hw = 40 * 40;
        for (int id = 1; id <= k; id++) {
          TetrominoesGeneratorTest.assertSingleColour(image, id);
          int[] box = boundingBox(image, id);
          int side = Math.max(box[2] - box[0] + 1, box[3] - box[1] + 1);
          assertThat(side).isAtMost(16);
          int p = TetrominoesGeneratorTest.firstPixel(image, id);
          float max = Math.max(image.rgb()[p], Math.max(image.rgb()[hw + p], image.rgb()[2 * hw + p]));
          assertThat(max).isAtLeast(0.6f);
        }
        for (int y = 0; y < 40; y++) {
          for (int x = 0; x < 40; x++) {
            int id = image.objectAt(y, x);
            if (id == 0) {
              float v = image.value(0, y, x);
              assertThat(v).isAtMost(0.45f);
              assertThat(image.value(1, y, x)).isEqualTo(v);
              assertThat(image.value(2, y, x)).isEqualTo(v);
              continue;
            }
            // no pixel of another shape among the 8 neighbours
            for (int yy = Math.max(0, y - 1); yy <= Math.min(39, y + 1); yy++) {
              for (int xx = Math.max(0, x - 1); xx <= Math.min(39, x + 1); xx++) {
                int other = image.objectAt(yy, xx);
                assertThat(other == 0 || other == id).isTrue();
              }
            }
          }
        }
      }
      assertThat(counts[2]).isGreaterThan(0);
      assertThat(counts[3]).isGreaterThan(0);
      assertThat(counts[4]).isGreaterThan(0);
    }
  }

  @Test
  void plainBackgroundIsOneGreyAndTextureVaries() {
    SegmentedImage plain = new ShapesGenerator(40, 2, 2, false).image(9, 0);
    SegmentedImage textured = new ShapesGenerator(40, 2, 2, true).image(9, 0);
    assertThat(backgroundValues(plain)).hasSize(1);
    assertThat(backgroundValues(textured).size()).isGreaterThan(100);
  }

  @Test
  void hollowSquareOfEightIsATwoPixelBand() {
    boolean[] r = ShapeKind.SQUARE.raster(8, true, 2);
    int on = 0;
    for (boolean b : r) {
      on += b ? 1 : 0;
    }
    assertThat(on).isEqualTo(64 - 16);
    assertThat(r[3 * 8 + 3]).isFalse();
    assertThat(r[1 * 8 + 3]).isTrue();
    boolean[] filled = ShapeKind.CIRCLE.raster(8, false, 2);
    int disk = 0;
    for (boolean b : filled) {
      disk += b ? 1 : 0;
    }
    // pixel centres within radius 4 of the box centre: 52 of the 64 (corners excluded)
    assertThat(disk).isEqualTo(52);
  }

  @Test
  void isDeterministicPerSeed() {
    ShapesGenerator g = new ShapesGenerator(40, 2, 4, true);
    assertThat(g.image(2, 3).rgb()).isEqualTo(g.image(2, 3).rgb());
    assertThat(g.image(2, 3).mask()).isEqualTo(g.image(2, 3).mask());
    assertThat(g.image(2, 4).rgb()).isNotEqualTo(g.image(2, 3).rgb());
  }

  @Test
  void rejectsBadCounts() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ShapesGenerator(40, 3, 5, false));
    assertThat(e).hasMessageThat()
        .isEqualTo("shapes per image must satisfy 1 <= min <= max <= 4, got 3..5");
  }

  private static java.util.Set<Float> backgroundValues(SegmentedImage image) {
    java.util.Set<Float> values = new java.util.HashSet<>();
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        if (image.objectAt(y, x) == 0) {
          values.add(image.value(0, y, x));
        }
      }
    }
    return values;
  }

  private static int[] boundingBox(SegmentedImage image, int id) {
    int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        if (image.objectAt(y, x) == id) {
          b[0] = Math.min(b[0], y);
          b[1] = Math.min(b[1], x);
          b[2] = Math.max(b[2], y);
          b[3] = Math.max(b[3], x);
        }
      }
    }
    return b;
  }
}
