package org.akorn.runtime.data.objects;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TetrominoesGeneratorTest {

  private static final TetrominoesGenerator CANVAS = new TetrominoesGenerator(35);
  private static final TetrominoesGenerator CROPPED = new TetrominoesGenerator(32);

  @Test
  void orientationsAreExactlyTheNineteenFixedTetrominoes() {
    Set<String> ours = new HashSet<>();
    for (Tetromino t : Tetromino.ALL) {
      ours.add(canonical(t.cells()));
    }
    assertThat(Tetromino.ALL).hasSize(19);
    assertThat(ours).hasSize(19);
    assertThat(ours).isEqualTo(allConnectedFourCellShapes());
  }

  @Test
  void everyObjectIsThreeHundredPixelsOfOneColourFormingATetromino() {
    Set<String> orientations = new HashSet<>();
    for (Tetromino t : Tetromino.ALL) {
      orientations.add(canonical(t.cells()));
    }
    for (SegmentedImage image : CANVAS.images(7, 0, 50)) {
      assertThat(image.height()).isEqualTo(35);
      assertThat(image.objectCount()).isEqualTo(3);
      int[] area = new int[4];
      for (int y = 0; y < 35; y++) {
        for (int x = 0; x < 35; x++) {
          area[image.objectAt(y, x)]++;
        }
      }
      // 4 blocks of 5x5 each: a smaller area would mean an overlap
      assertThat(area[1]).isEqualTo(100);
      assertThat(area[2]).isEqualTo(100);
      assertThat(area[3]).isEqualTo(100);
      assertThat(area[0]).isEqualTo(35 * 35 - 300);
      for (int id = 1; id <= 3; id++) {
        assertSingleColour(image, id);
        assertThat(orientations).contains(canonical(blocksOf(image, id)));
      }
      assertBackgroundIsBlack(image);
    }
  }

  @Test
  void size32IsTheCanvasCroppedByOnePixelOnEachSide() {
    for (int i = 0; i < 20; i++) {
      SegmentedImage big = CANVAS.image(3, i);
      SegmentedImage small = CROPPED.image(3, i);
      assertThat(small.height()).isEqualTo(32);
      assertThat(small.width()).isEqualTo(32);
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          assertThat(small.objectAt(y, x)).isEqualTo(big.objectAt(y + 1, x + 1));
          for (int c = 0; c < 3; c++) {
            assertThat(small.value(c, y, x)).isEqualTo(big.value(c, y + 1, x + 1));
          }
        }
      }
      assertThat(small.objectCount()).isEqualTo(3);
    }
  }

  @Test
  void sameSeedAndIndexGiveTheSameImageAndOthersDiffer() {
    SegmentedImage a = CANVAS.image(11, 4);
    SegmentedImage b = CANVAS.image(11, 4);
    assertThat(a.mask()).isEqualTo(b.mask());
    assertThat(a.rgb()).isEqualTo(b.rgb());
    assertThat(CANVAS.images(11, 4, 1).get(0).mask()).isEqualTo(a.mask());
    assertThat(CANVAS.image(11, 5).mask()).isNotEqualTo(a.mask());
    assertThat(CANVAS.image(12, 4).mask()).isNotEqualTo(a.mask());
  }

  @Test
  void usesEveryOrientationAndColourOverManyImages() {
    Set<String> shapes = new HashSet<>();
    Set<String> colours = new HashSet<>();
    for (SegmentedImage image : CANVAS.images(1, 0, 300)) {
      for (int id = 1; id <= 3; id++) {
        shapes.add(canonical(blocksOf(image, id)));
        int p = firstPixel(image, id);
        colours.add(image.rgb()[p] + "," + image.rgb()[35 * 35 + p] + ","
            + image.rgb()[2 * 35 * 35 + p]);
      }
    }
    assertThat(shapes).hasSize(19);
    assertThat(colours).hasSize(6);
  }

  @Test
  void rejectsOtherSizes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TetrominoesGenerator(64));
    assertThat(e).hasMessageThat().isEqualTo("tetrominoes images are 32 or 35 pixels, got 64");
  }

  static void assertSingleColour(SegmentedImage image, int id) {
    int p = firstPixel(image, id);
    int hw = image.height() * image.width();
    for (int q = 0; q < hw; q++) {
      if (image.mask()[q] == id) {
        for (int c = 0; c < 3; c++) {
          assertThat(image.rgb()[c * hw + q]).isEqualTo(image.rgb()[c * hw + p]);
        }
      }
    }
  }

  private static void assertBackgroundIsBlack(SegmentedImage image) {
    int hw = image.height() * image.width();
    for (int q = 0; q < hw; q++) {
      if (image.mask()[q] == 0) {
        for (int c = 0; c < 3; c++) {
          assertThat(image.rgb()[c * hw + q]).isEqualTo(0f);
        }
      } else {
        float max = Math.max(image.rgb()[q], Math.max(image.rgb()[hw + q], image.rgb()[2 * hw + q]));
        assertThat(max).isEqualTo(1f);
      }
    }
  }

  static int firstPixel(SegmentedImage image, int id) {
    for (int q = 0; q < image.mask().length; q++) {
      if (image.mask()[q] == id) {
        return q;
      }
    }
    throw new AssertionError("no pixel of object " + id);
  }

  /** The object's pixels read as 5x5 blocks from its top-left corner; fails if not blocks. */
  private static int[][] blocksOf(SegmentedImage image, int id) {
    int top = Integer.MAX_VALUE;
    int left = Integer.MAX_VALUE;
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        if (image.objectAt(y, x) == id) {
          top = Math.min(top, y);
          left = Math.min(left, x);
        }
      }
    }
    List<int[]> cells = new ArrayList<>();
    for (int y = top; y < image.height(); y++) {
      for (int x = left; x < image.width(); x++) {
        if (image.objectAt(y, x) == id) {
          int dy = y - top;
          int dx = x - left;
          if (dy % 5 == 0 && dx % 5 == 0) {
            cells.add(new int[] {dy / 5, dx / 5});
          }
          // every pixel belongs to the block whose corner is at a multiple of 5
          assertThat(image.objectAt(top + dy / 5 * 5, left + dx / 5 * 5)).isEqualTo(id);
        }
      }
    }
    assertThat(cells).hasSize(4);
    return cells.toArray(new int[0][]);
  }

  private static String canonical(int[][] cells) {
    int minR = Integer.MAX_VALUE;
    int minC = Integer.MAX_VALUE;
    for (int[] c : cells) {
      minR = Math.min(minR, c[0]);
      minC = Math.min(minC, c[1]);
    }
    TreeSet<String> s = new TreeSet<>();
    for (int[] c : cells) {
      s.add((c[0] - minR) + ":" + (c[1] - minC));
    }
    return String.join(" ", s);
  }

  /** Brute force: every 4-connected set of 4 cells in a 4x4 box, up to translation. */
  private static Set<String> allConnectedFourCellShapes() {
    Set<String> shapes = new HashSet<>();
    for (int bits = 0; bits < (1 << 16); bits++) {
      if (Integer.bitCount(bits) != 4) {
        continue;
      }
      int[][] cells = new int[4][];
      int n = 0;
      for (int i = 0; i < 16; i++) {
        if ((bits & (1 << i)) != 0) {
          cells[n++] = new int[] {i / 4, i % 4};
        }
      }
      if (connected(cells)) {
        shapes.add(canonical(cells));
      }
    }
    return shapes;
  }

  private static boolean connected(int[][] cells) {
    boolean[] seen = new boolean[cells.length];
    seen[0] = true;
    boolean grew = true;
    while (grew) {
      grew = false;
      for (int i = 0; i < cells.length; i++) {
        for (int j = 0; j < cells.length; j++) {
          if (seen[i] && !seen[j]
              && Math.abs(cells[i][0] - cells[j][0]) + Math.abs(cells[i][1] - cells[j][1]) == 1) {
            seen[j] = true;
            grew = true;
          }
        }
      }
    }
    for (boolean s : seen) {
      if (!s) {
        return false;
      }
    }
    return true;
  }
}
