package org.akorn.runtime.figures;

import static com.google.common.truth.Truth.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.data.objects.TetrominoesGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationFiguresTest {

  @TempDir Path dir;

  @Test
  void segmentationFigureShowsImageTruthAndSegments() throws IOException {
    List<SegmentedImage> images = new TetrominoesGenerator(32).images(2, 0, 3);
    List<int[]> predicted = images.stream().map(i -> {
      int[] p = new int[i.mask().length];
      for (int q = 0; q < p.length; q++) {
        p[q] = (i.mask()[q] + 1) % 4;
      }
      return p;
    }).toList();
    Path file = dir.resolve("new/segments.png");
    SegmentationFigure.write(file, images, predicted, 2);
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(3 * 64 + 2 * 2);
    assertThat(png.getHeight()).isEqualTo(3 * 64 + 2 * 2);
    for (int i = 0; i < 3; i++) {
      SegmentedImage image = images.get(i);
      for (int y = 0; y < 32; y += 5) {
        for (int x = 0; x < 32; x += 3) {
          int left = i * 66 + 2 * x + 1;
          int id = image.objectAt(y, x);
          int r = Math.round(image.value(0, y, x) * 255);
          int g = Math.round(image.value(1, y, x) * 255);
          int b = Math.round(image.value(2, y, x) * 255);
          assertThat(png.getRGB(left, 2 * y + 1) & 0xFFFFFF).isEqualTo((r << 16) | (g << 8) | b);
          assertThat(png.getRGB(left, 66 + 2 * y + 1) & 0xFFFFFF)
              .isEqualTo(id == 0 ? 0 : SegmentationFigure.PALETTE[id]);
          assertThat(png.getRGB(left, 132 + 2 * y + 1) & 0xFFFFFF)
              .isEqualTo(SegmentationFigure.PALETTE[(id + 1) % 4]);
        }
      }
    }
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly("segments.png");
    }
  }

  @Test
  void oscillatorFigureGivesSynchronisedPatchesOneColour() throws IOException {
    // 3 channels, 1x3 patches, 2 steps: step 0 all different, step 1 patches 0 and 1 equal
    float[] step0 = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    float[] step1 = {1, 1, 0, 0, 0, 0, 0, 0, 1};
    int[][] colours = OscillatorFigure.colours(List.of(step0, step1), 3, 1, 3);
    assertThat(colours[1][0]).isEqualTo(colours[1][1]);
    assertThat(colours[1][2]).isNotEqualTo(colours[1][0]);
    assertThat(colours[0][0]).isNotEqualTo(colours[0][1]);
    assertThat(colours[0][1]).isNotEqualTo(colours[0][2]);
    Path file = dir.resolve("states.png");
    OscillatorFigure.write(file, List.of(step0, step1), 3, 1, 3, 4);
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(2 * 12 + 2);
    assertThat(png.getHeight()).isEqualTo(4);
    assertThat(png.getRGB(14 + 1, 1) & 0xFFFFFF).isEqualTo(colours[1][0]);
  }

  @Test
  void principalComponentsOfADiagonalMatrixAreTheAxesByEigenvalue() {
    double[][] cov = {{1, 0, 0}, {0, 5, 0}, {0, 0, 3}};
    double[][] top = ColourProjection.topComponents(cov, 3);
    assertThat(Math.abs(top[0][1])).isWithin(1e-9).of(1.0);
    assertThat(Math.abs(top[1][2])).isWithin(1e-9).of(1.0);
    assertThat(Math.abs(top[2][0])).isWithin(1e-9).of(1.0);
  }
}
