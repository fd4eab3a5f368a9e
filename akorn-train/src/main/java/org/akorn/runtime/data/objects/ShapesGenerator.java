package org.akorn.runtime.data.objects;

import java.util.SplittableRandom;

/**
 * Images of 2 to 4 shapes (square, circle, triangle, diamond; filled or hollow) of random size
 * and colour on a dark background, plain or textured.
 *
 * <p>Each shape fills an s x s box with s uniform in [size / 5, 2 * size / 5]; boxes keep at
 * least one pixel between them, so shapes never overlap or touch (a hollow shape's inside is
 * background). Hollow outlines are max(2, s / 5) pixels thick. Shape colours are HSV with hue
 * uniform, saturation in [0.5, 1] and value in [0.6, 1]; the background is a grey in [0, 0.3],
 * or with texture a two-tone checkerboard (cells of 2 to 6 pixels, tones in [0, 0.3] and up to
 * 0.1 brighter) with per-pixel noise of up to 0.05, so background values stay in [0, 0.45].
 * Every pixel of a shape has exactly its shape's colour.
 */
public final class ShapesGenerator implements ObjectImageGenerator {

  private final int size;
  private final int minShapes;
  private final int maxShapes;
  private final boolean texture;

  /**
   * @param size image side, at least 20
   * @param minShapes fewest shapes per image, at least 1
   * @param maxShapes most shapes per image, at most 4
   * @param texture textured background instead of a plain grey
   */
  public ShapesGenerator(int size, int minShapes, int maxShapes, boolean texture) {
    if (size < 20) {
      throw new IllegalArgumentException("shapes images need at least 20 pixels, got " + size);
    }
    if (minShapes < 1 || maxShapes > 4 || minShapes > maxShapes) {
      throw new IllegalArgumentException(
          "shapes per image must satisfy 1 <= min <= max <= 4, got " + minShapes + ".." + maxShapes);
    }
    this.size = size;
    this.minShapes = minShapes;
    this.maxShapes = maxShapes;
    this.texture = texture;
  }

  /** 40x40 images of 2 to 4 shapes on a plain background. */
  public static ShapesGenerator standard() {
    return new ShapesGenerator(40, 2, 4, false);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public SegmentedImage sample(SplittableRandom random) {
    while (true) {
      SegmentedImage image = trySample(random);
      if (image != null) {
        return image;
      }
    }
  }

  private SegmentedImage trySample(SplittableRandom random) {
    int count = minShapes + random.nextInt(maxShapes - minShapes + 1);
    float[] rgb = background(random);
    int[] mask = new int[size * size];
    int[][] boxes = new int[count][];
    for (int id = 1; id <= count; id++) {
      int s = size / 5 + random.nextInt(2 * size / 5 - size / 5 + 1);
      int[] box = freeBox(random, boxes, id - 1, s);
      if (box == null) {
        return null;
      }
      boxes[id - 1] = box;
      ShapeKind kind = ShapeKind.values()[random.nextInt(ShapeKind.values().length)];
      boolean hollow = random.nextBoolean();
      double[] colour = Hsv.toRgb(random.nextDouble(), 0.5 + 0.5 * random.nextDouble(),
          0.6 + 0.4 * random.nextDouble());
      boolean[] raster = kind.raster(s, hollow, Math.max(2, s / 5));
      for (int y = 0; y < s; y++) {
        for (int x = 0; x < s; x++) {
          if (raster[y * s + x]) {
            int p = (box[0] + y) * size + box[1] + x;
            mask[p] = id;
            for (int c = 0; c < 3; c++) {
              rgb[c * size * size + p] = (float) colour[c];
            }
          }
        }
      }
    }
    return new SegmentedImage(size, size, rgb, mask);
  }

  /** A top-left corner for an s x s box at least one pixel away from the earlier boxes. */
  private int[] freeBox(SplittableRandom random, int[][] boxes, int placed, int s) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int top = random.nextInt(size - s + 1);
      int left = random.nextInt(size - s + 1);
      boolean free = true;
      for (int i = 0; i < placed && free; i++) {
        int[] b = boxes[i];
        boolean apart = top > b[0] + b[2] || b[0] > top + s || left > b[1] + b[2] || b[1] > left + s;
        free = apart;
      }
      if (free) {
        return new int[] {top, left, s};
      }
    }
    return null;
  }

  private float[] background(SplittableRandom random) {
    float[] rgb = new float[3 * size * size];
    double tone = 0.3 * random.nextDouble();
    if (!texture) {
      java.util.Arrays.fill(rgb, (float) tone);
      return rgb;
    }
    double other = tone + 0.1 * random.nextDouble();
    int cell = 2 + random.nextInt(5);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double base = ((y / cell + x / cell) % 2 == 0) ? tone : other;
        double v = base + 0.05 * random.nextDouble();
        for (int c = 0; c < 3; c++) {
          rgb[(c * size + y) * size + x] = (float) v;
        }
      }
    }
    return rgb;
  }
}
