package org.akorn.runtime.eval.segmentation;

/**
 * Segments an image from a model's per-patch features as the reference's {@code eval_obj.py}
 * does: the last read-out {@code [C, h, w]} is L2-normalised over the channels at every patch
 * ({@code F.normalize(v, dim=1)}, norm floored at 1e-12), the h * w patch vectors are clustered
 * into k segments, and the label map is upsampled to the image with nearest-neighbour
 * interpolation ({@code nn.Upsample(scale_factor=image/patches, mode="nearest")}): labels, not
 * features, are upsampled.
 *
 * <p>The reference optionally projects the features on their first 128 principal components
 * first; that leaves distances unchanged for 128 channels or fewer (its Tetrominoes models have
 * 128), and is not done here.
 */
public final class FeatureSegmenter {

  private FeatureSegmenter() {}

  /**
   * The segment of every image pixel.
   *
   * @param features one image's features, channel-major {@code [channels, h, w]}
   * @param channels C
   * @param h patch rows
   * @param w patch columns
   * @param method k-means or agglomerative
   * @param k segments (the reference: 4 for Tetrominoes, objects + background)
   * @param imageHeight rows of the image
   * @param imageWidth columns of the image
   * @param seed k-means seeding
   * @return {@code [imageHeight * imageWidth]} labels from 0
   */
  public static int[] segment(float[] features, int channels, int h, int w,
      ClusteringMethod method, int k, int imageHeight, int imageWidth, long seed) {
    double[][] points = normalisedPatchVectors(features, channels, h, w);
    int[] labels = method.cluster(points, Math.min(k, points.length), seed);
    return upsampleNearest(labels, h, w, imageHeight, imageWidth);
  }

  /** {@code [C, h, w]} to {@code h * w} vectors of C values, each divided by max(norm, 1e-12). */
  public static double[][] normalisedPatchVectors(float[] features, int channels, int h, int w) {
    if (features.length != channels * h * w) {
      throw new IllegalArgumentException("features hold " + features.length + " values, expected "
          + channels + "x" + h + "x" + w);
    }
    int hw = h * w;
    double[][] points = new double[hw][channels];
    for (int p = 0; p < hw; p++) {
      double norm = 0;
      for (int c = 0; c < channels; c++) {
        double v = features[c * hw + p];
        points[p][c] = v;
        norm += v * v;
      }
      double scale = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
      for (int c = 0; c < channels; c++) {
        points[p][c] *= scale;
      }
    }
    return points;
  }

  /**
   * Nearest-neighbour upsampling of a label map: output pixel (y, x) takes input
   * (floor(y * h / outH), floor(x * w / outW)), PyTorch's "nearest" rule.
   */
  public static int[] upsampleNearest(int[] labels, int h, int w, int outH, int outW) {
    int[] out = new int[outH * outW];
    for (int y = 0; y < outH; y++) {
      int sy = Math.min((int) ((long) y * h / outH), h - 1);
      for (int x = 0; x < outW; x++) {
        int sx = Math.min((int) ((long) x * w / outW), w - 1);
        out[y * outW + x] = labels[sy * w + sx];
      }
    }
    return out;
  }
}
