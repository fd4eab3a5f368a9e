package org.akorn.runtime.data.objects;

/** The outlines {@link ShapesGenerator} draws, rasterised at pixel centres in an s x s box. */
public enum ShapeKind {
  SQUARE,
  CIRCLE,
  TRIANGLE,
  DIAMOND;

  /** Whether the pixel at row {@code y}, column {@code x} of an {@code s x s} box is inside. */
  boolean covers(int y, int x, int s) {
    double half = s / 2.0;
    double dy = y + 0.5 - half;
    double dx = x + 0.5 - half;
    return switch (this) {
      case SQUARE -> true;
      case CIRCLE -> dx * dx + dy * dy <= half * half;
      case DIAMOND -> Math.abs(dx) + Math.abs(dy) <= half;
      case TRIANGLE -> Math.abs(dx) <= (y + 0.5) / s * half; // apex up, base on the last row
    };
  }

  /**
   * The shape's pixels in an {@code s x s} box, row-major; a hollow shape keeps only the band of
   * pixels within Chebyshev distance {@code thickness} of a pixel outside the shape.
   */
  boolean[] raster(int s, boolean hollow, int thickness) {
    boolean[] filled = new boolean[s * s];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        filled[y * s + x] = covers(y, x, s);
      }
    }
    if (!hollow) {
      return filled;
    }
    boolean[] band = new boolean[s * s];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        band[y * s + x] = filled[y * s + x] && nearOutside(filled, s, y, x, thickness);
      }
    }
    return band;
  }

  private static boolean nearOutside(boolean[] filled, int s, int y, int x, int t) {
    for (int yy = y - t; yy <= y + t; yy++) {
      for (int xx = x - t; xx <= x + t; xx++) {
        if (yy < 0 || xx < 0 || yy >= s || xx >= s || !filled[yy * s + xx]) {
          return true;
        }
      }
    }
    return false;
  }
}
