package org.akorn.runtime.eval.segmentation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Oscillator states over the Kuramoto steps as colour: every patch's state vector (C channels)
 * at every step is projected on the first three principal components of all of them together
 * (one projection for the whole figure, so colours are comparable across steps), each component
 * scaled to [0, 1] by its minimum and maximum, and drawn as red, green and blue. One tile per
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
    AtomicPng.write(out, file);
  }

  /** Per step and patch, the 0xRRGGBB colour of the state's first three principal components. */
  static int[][] colours(List<float[]> states, int channels, int h, int w) {
    int hw = h * w;
    int n = states.size() * hw;
    double[][] v = new double[n][channels];
    double[] mean = new double[channels];
    for (int t = 0; t < states.size(); t++) {
      float[] s = states.get(t);
      if (s.length != channels * hw) {
        throw new IllegalArgumentException("state " + t + " holds " + s.length
            + " values, expected " + channels + "x" + h + "x" + w);
      }
      for (int p = 0; p < hw; p++) {
        for (int c = 0; c < channels; c++) {
          v[t * hw + p][c] = s[c * hw + p];
          mean[c] += s[c * hw + p] / (double) n;
        }
      }
    }
    double[][] cov = new double[channels][channels];
    for (double[] row : v) {
      for (int a = 0; a < channels; a++) {
        row[a] -= mean[a];
      }
      for (int a = 0; a < channels; a++) {
        for (int b = a; b < channels; b++) {
          cov[a][b] += row[a] * row[b];
        }
      }
    }
    for (int a = 0; a < channels; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    double[][] components = PrincipalComponents.top(cov, Math.min(3, channels));
    double[][] projected = new double[n][3];
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < components.length; k++) {
        double dot = 0;
        for (int c = 0; c < channels; c++) {
          dot += v[i][c] * components[k][c];
        }
        projected[i][k] = dot;
        min[k] = Math.min(min[k], dot);
        max[k] = Math.max(max[k], dot);
      }
    }
    int[][] colours = new int[states.size()][hw];
    for (int i = 0; i < n; i++) {
      int rgb = 0;
      for (int k = 0; k < 3; k++) {
        double range = k < components.length ? max[k] - min[k] : 0;
        double value = range > 0 ? (projected[i][k] - min[k]) / range : 0.5;
        rgb = (rgb << 8) | SegmentationFigure.byte255(value);
      }
      colours[i / hw][i % hw] = rgb;
    }
    return colours;
  }
}
