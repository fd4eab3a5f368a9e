package org.akorn.runtime.figures;

import static com.google.common.truth.Truth.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.akorn.runtime.eval.Calibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  @TempDir Path dir;

  @Test
  void lineChartWritesAPngOfTheExpectedSize() throws Exception {
    Path f = dir.resolve("sub/energy.png");
    new LineChart("Energy", "step", "energy")
        .add("T=8", new double[] {0, -3, -5, -6})
        .add("T=32", new double[] {0, -2, -4, -6.5})
        .writePng(f);
    BufferedImage img = ImageIO.read(f.toFile());
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(400);
    try (var files = Files.list(f.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("energy.png");
    }
  }

  @Test
  void reliabilityDiagramDrawsAccuracyBarsPerBin() throws Exception {
    Path f = dir.resolve("reliability.png");
    Calibration.Result r = Calibration.of(new double[] {0.95, 0.97, 0.15},
        new boolean[] {true, true, false}, 10);
    ReliabilityDiagram.writePng("M", r, f);
    BufferedImage img = ImageIO.read(f.toFile());
    assertThat(img.getWidth()).isEqualTo(420);
    // The last bin (0.9, 1] has accuracy 1: its bar reaches the bottom of the plot in blue (the gap to 0.96 is shaded on top).
    int x = 60 + (int) Math.round(340 * 0.95);
    assertThat(img.getRGB(x, 40 + 330 - 5) & 0xffffff).isEqualTo(0x1f77b4);
    // The second bin (0.1, 0.2] has accuracy 0: no blue bar at its bottom.
    int x2 = 60 + (int) Math.round(340 * 0.15);
    assertThat(img.getRGB(x2, 40 + 330 - 2) & 0xffffff).isNotEqualTo(0x1f77b4);
    assertThat(List.of(Files.list(dir).toArray())).hasSize(1);
  }
}
