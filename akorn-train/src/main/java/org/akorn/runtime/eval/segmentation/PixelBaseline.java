package org.akorn.runtime.eval.segmentation;

import org.akorn.runtime.data.objects.SegmentedImage;

/**
 * The pixel baseline: k-means on every pixel's colour and position, {@code (r, g, b, (y + 0.5) /
 * H, (x + 0.5) / W)}, all five in [0, 1] with equal weight.
 */
public final class PixelBaseline {

  private PixelBaseline() {}

  /** Segment labels per pixel, {@code [H * W]}. */
  public static int[] segment(SegmentedImage image, int k, long seed) {
    int h = image.height();
    int w = image.width();
    double[][] points = new double[h * w][5];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double[] p = points[y * w + x];
        for (int c = 0; c < 3; c++) {
          p[c] = image.value(c, y, x);
        }
        p[3] = (y + 0.5) / h;
        p[4] = (x + 0.5) / w;
      }
    }
    return KMeans.cluster(points, Math.min(k, points.length), seed);
  }
}
