package org.akorn.runtime.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.data.objects.SegmentedImage;

/**
 * A PNG with one column per image and three rows: the image, its ground truth (background
 * black, objects in {@link #PALETTE} colours by id) and the predicted segments (palette colours
 * by label), each pixel drawn as a {@code scale x scale} square, columns and rows 2 pixels apart.
 */
public final class SegmentationFigure {

  /** Distinct colours, 0xRRGGBB; object id i (> 0) and segment label i use entry i mod 12. */
  public static final int[] PALETTE = {
    0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948,
    0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC, 0x17BECF, 0xBCBD22
  };

  /** Pixels between tiles. */
  public static final int GAP = 2;

  private SegmentationFigure() {}

  /**
   * Writes the figure.
   *
   * @param images the images with their true masks
   * @param predicted per image, the segment label of every pixel
   * @param scale pixels per image pixel
   */
  public static void write(Path file, List<SegmentedImage> images, List<int[]> predicted,
      int scale) throws IOException {
    if (images.isEmpty() || images.size() != predicted.size()) {
      throw new IllegalArgumentException(
          images.size() + " images but " + predicted.size() + " predictions");
    }
    int h = images.get(0).height() * scale;
    int w = images.get(0).width() * scale;
    int n = images.size();
    BufferedImage out = new BufferedImage(n * w + (n - 1) * GAP, 3 * h + 2 * GAP,
        BufferedImage.TYPE_INT_RGB);
    fill(out, 0xFFFFFF);
    for (int i = 0; i < n; i++) {
      SegmentedImage image = images.get(i);
      int left = i * (w + GAP);
      int size = image.height() * image.width();
      for (int y = 0; y < image.height(); y++) {
        for (int x = 0; x < image.width(); x++) {
          int p = y * image.width() + x;
          int rgb = (byte255(image.rgb()[p]) << 16) | (byte255(image.rgb()[size + p]) << 8)
              | byte255(image.rgb()[2 * size + p]);
          int id = image.mask()[p];
          square(out, left + x * scale, y * scale, scale, rgb);
          square(out, left + x * scale, h + GAP + y * scale, scale, id > 0 ? colour(id) : 0);
          square(out, left + x * scale, 2 * (h + GAP) + y * scale, scale,
              colour(predicted.get(i)[p]));
        }
      }
    }
    PngFiles.write(out, file);
  }

  /** The palette colour of a label or object id. */
  public static int colour(int label) {
    return PALETTE[Math.floorMod(label, PALETTE.length)];
  }

  static void square(BufferedImage out, int left, int top, int scale, int rgb) {
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        out.setRGB(left + dx, top + dy, rgb);
      }
    }
  }

  static void fill(BufferedImage out, int rgb) {
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, rgb);
      }
    }
  }

  static int byte255(double v) {
    return (int) Math.round(Math.min(1.0, Math.max(0.0, v)) * 255);
  }
}
