package org.akorn.runtime.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Oscillator states over the Kuramoto steps as colour: every patch's state vector (C channels)
 * at every step is projected on the first three principal components of all of them together
 * ({@link ColourProjection}: one projection for the whole figure, so colours are comparable
 * across steps) and drawn as red, green and blue. One tile per
 * step, left to right, {@link SegmentationFigure#GAP} pixels apart. Patches whose oscillators
 * have synchronised show the same colour.
 */
public final class OscillatorFigure {

  private OscillatorFigure() {}

  /**
   * Writes the figure.
   *
   * @param states per step, one image's state {@code [channels, h, w]}
   * @param scale pixels per patch
   */
  public static void write(Path file, List<float[]> states, int channels, int h, int w,
      int scale) throws IOException {
    int[][] colours = colours(states, channels, h, w);
    int steps = states.size();
    BufferedImage out = new BufferedImage(steps * w * scale + (steps - 1) * SegmentationFigure.GAP,
        h * scale, BufferedImage.TYPE_INT_RGB);
    SegmentationFigure.fill(out, 0xFFFFFF);
    for (int t = 0; t < steps; t++) {
      int left = t * (w * scale + SegmentationFigure.GAP);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          SegmentationFigure.square(out, left + x * scale, y * scale, scale,
              colours[t][y * w + x]);
        }
      }
    }
    PngFiles.write(out, file);
  }

  /** Per step and patch, the 0xRRGGBB colour of the state's first three principal components. */
  static int[][] colours(List<float[]> states, int channels, int h, int w) {
    int hw = h * w;
    float[][][] vectors = new float[states.size()][hw][channels]; // [step][patch][channel]
    for (int t = 0; t < states.size(); t++) {
      float[] s = states.get(t);
      if (s.length != channels * hw) {
        throw new IllegalArgumentException("state " + t + " holds " + s.length
            + " values, expected " + channels + "x" + h + "x" + w);
      }
      for (int p = 0; p < hw; p++) {
        for (int c = 0; c < channels; c++) {
          vectors[t][p][c] = s[c * hw + p];
        }
      }
    }
    float[][][] rgb = ColourProjection.toRgb(vectors);
    int[][] colours = new int[states.size()][hw];
    for (int t = 0; t < states.size(); t++) {
      for (int p = 0; p < hw; p++) {
        float[] c = rgb[t][p];
        colours[t][p] = (SegmentationFigure.byte255(c[0]) << 16)
            | (SegmentationFigure.byte255(c[1]) << 8) | SegmentationFigure.byte255(c[2]);
      }
    }
    return colours;
  }
}
