package org.akorn.runtime.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.akorn.runtime.data.augment.FloatImage;
import org.akorn.runtime.data.augment.ImageAugmentation;

/**
 * A grid of augmented samples: one row per image, the image itself in the first column and
 * {@code draws} augmentations of it in the next, each pixel drawn as a {@code scale x scale}
 * block, grey or RGB, with a white gap between cells.
 */
public final class AugmentationFigure {
  private AugmentationFigure() {}

  /**
   * Writes the grid to {@code file}; the augmentations draw from one generator seeded with
   * {@code seed}, row by row.
   */
  public static void write(Path file, List<FloatImage> images, ImageAugmentation augmentation,
      int draws, long seed, int scale) throws IOException {
    PngFiles.write(render(images, augmentation, draws, seed, scale), file);
  }

  /** The grid as an image (see {@link #write}). */
  public static BufferedImage render(List<FloatImage> images, ImageAugmentation augmentation,
      int draws, long seed, int scale) {
    if (images.isEmpty() || draws < 1 || scale < 1) {
      throw new IllegalArgumentException("give at least one image, draw and scale");
    }
    int h = images.get(0).height() * scale;
    int w = images.get(0).width() * scale;
    int gap = SegmentationFigure.GAP;
    BufferedImage out = new BufferedImage((draws + 1) * (w + gap) + gap,
        images.size() * (h + gap) + gap, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, 0xffffff);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int row = 0; row < images.size(); row++) {
      FloatImage img = images.get(row);
      for (int col = 0; col <= draws; col++) {
        FloatImage cell = col == 0 ? img : augmentation.apply(img, random.split());
        paint(out, cell, gap + col * (w + gap), gap + row * (h + gap), scale);
      }
    }
    return out;
  }

  private static void paint(BufferedImage out, FloatImage img, int left, int top, int scale) {
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        int r = level(img.get(0, y, x));
        int g = img.isRgb() ? level(img.get(1, y, x)) : r;
        int b = img.isRgb() ? level(img.get(2, y, x)) : r;
        int rgb = (r << 16) | (g << 8) | b;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            out.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
          }
        }
      }
    }
  }

  private static int level(float v) {
    return (int) Math.round(Math.min(1, Math.max(0, v)) * 255.0);
  }
}
