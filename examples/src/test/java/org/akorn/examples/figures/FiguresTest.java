package org.akorn.examples.figures;

import static com.google.common.truth.Truth.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {
  @TempDir Path dir;

  @Test
  void boardFramesPaintEachCellWithItsColour() throws Exception {
    float[][][] rgb = new float[2][16][3];
    rgb[1][5] = new float[] {1f, 0f, 0f};
    Path f = dir.resolve("frames.png");
    BoardFrames.writePng(rgb, 4, null, new String[] {"t=0", "t=1"}, f);
    BufferedImage img = ImageIO.read(f.toFile());
    // 2 frames of 4 cells x 28 px plus gaps of 14 px.
    assertThat(img.getWidth()).isEqualTo(2 * 112 + 3 * 14);
    assertThat(img.getHeight()).isEqualTo(112 + 22 + 14);
    int cellX = 14 + 112 + 14 + 1 * 28 + 14;
    int cellY = 22 + 1 * 28 + 14;
    assertThat(img.getRGB(cellX, cellY) & 0xffffff).isEqualTo(0xff0000);
    assertThat(img.getRGB(cellX - 126, cellY) & 0xffffff).isEqualTo(0x000000);
  }
}
