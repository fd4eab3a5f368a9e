package org.akorn.runtime.selfsupervised;

import java.util.SplittableRandom;

/**
 * torchvision's {@code RandomResizedCrop(size, scale, ratio=(3/4, 4/3))}: a crop of random area
 * (a fraction of the image drawn uniformly from {@code scale}) and aspect ratio (log-uniform),
 * resized to {@code size x size} with PIL's bilinear filter (a triangle filter, widened when
 * shrinking), as the reference applies it to PIL images. Values are kept as floats, where PIL
 * would round to 8 bits.
 */
final class RandomResizedCrop {

  /** A crop: top row, left column, rows, columns. */
  record Box(int top, int left, int height, int width) {}

  private RandomResizedCrop() {}

  /** torchvision's {@code get_params}: ten tries, then a central crop (ratio 3/4 to 4/3). */
  static Box box(int height, int width, double minScale, double maxScale,
      SplittableRandom random) {
    int[] w = new org.akorn.runtime.data.augment.RandomResizedCrop(
            minScale, maxScale, 3.0 / 4, 4.0 / 3)
        .window(height, width, random);
    return new Box(w[0], w[1], w[2], w[3]);
  }

  /** Crops {@code rgb [3, height, width]} to the box and resizes it to {@code size x size}. */
  static float[] apply(float[] rgb, int height, int width, Box box, int size) {
    double[][] rows = weights(box.height(), size);
    double[][] cols = weights(box.width(), size);
    int[] rowStart = starts(box.height(), size);
    int[] colStart = starts(box.width(), size);
    float[] out = new float[3 * size * size];
    double[] line = new double[box.height() * size];
    for (int c = 0; c < 3; c++) {
      // horizontal pass: every crop row to size columns
      for (int y = 0; y < box.height(); y++) {
        int base = (c * height + box.top() + y) * width + box.left();
        for (int x = 0; x < size; x++) {
          double v = 0;
          for (int t = 0; t < cols[x].length; t++) {
            v += cols[x][t] * rgb[base + colStart[x] + t];
          }
          line[y * size + x] = v;
        }
      }
      // vertical pass
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double v = 0;
          for (int t = 0; t < rows[y].length; t++) {
            v += rows[y][t] * line[(rowStart[y] + t) * size + x];
          }
          out[(c * size + y) * size + x] = (float) Math.min(1.0, Math.max(0.0, v));
        }
      }
    }
    return out;
  }

  /** PIL's first input index for each output index. */
  private static int[] starts(int in, int out) {
    int[] starts = new int[out];
    double scale = (double) in / out;
    double support = Math.max(scale, 1.0);
    for (int o = 0; o < out; o++) {
      double centre = (o + 0.5) * scale;
      starts[o] = Math.max((int) (centre - support + 0.5), 0);
    }
    return starts;
  }

  /** PIL's normalised triangle-filter weights for each output index. */
  static double[][] weights(int in, int out) {
    double scale = (double) in / out;
    double filterScale = Math.max(scale, 1.0);
    double support = filterScale;
    double[][] weights = new double[out][];
    for (int o = 0; o < out; o++) {
      double centre = (o + 0.5) * scale;
      int min = Math.max((int) (centre - support + 0.5), 0);
      int max = Math.min((int) (centre + support + 0.5), in);
      double[] w = new double[max - min];
      double sum = 0;
      for (int i = min; i < max; i++) {
        double t = Math.abs((i - centre + 0.5) / filterScale);
        w[i - min] = Math.max(0.0, 1.0 - t);
        sum += w[i - min];
      }
      for (int i = 0; i < w.length; i++) {
        w[i] = sum == 0 ? 0 : w[i] / sum;
      }
      weights[o] = w;
    }
    return weights;
  }
}
