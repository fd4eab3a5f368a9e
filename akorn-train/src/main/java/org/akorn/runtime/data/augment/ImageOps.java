package org.akorn.runtime.data.augment;

/**
 * Deterministic image operations on {@link FloatImage}s in [0, 1], with torchvision's formulas
 * (its {@code transforms.functional}); the random augmentations draw their parameters and call
 * these. Every operation returns a new image. Colour operations (saturation, hue) leave a grey
 * image as it is; 8-bit operations (posterize, equalize) work on {@code round(255 x)}, the value
 * a data set read from 8-bit files started from.
 */
public final class ImageOps {
  private ImageOps() {}

  /** torchvision's grey weights of R, G and B. */
  static final float[] GREY = {0.2989f, 0.587f, 0.114f};

  /** Mirrors the columns. */
  public static FloatImage flipHorizontal(FloatImage img) {
    FloatImage out = FloatImage.zeros(img.channels(), img.height(), img.width());
    for (int c = 0; c < img.channels(); c++) {
      for (int y = 0; y < img.height(); y++) {
        for (int x = 0; x < img.width(); x++) {
          out.set(c, y, x, img.get(c, y, img.width() - 1 - x));
        }
      }
    }
    return out;
  }

  /** The {@code h x w} window whose top-left pixel is ({@code top}, {@code left}). */
  public static FloatImage crop(FloatImage img, int top, int left, int h, int w) {
    if (top < 0 || left < 0 || h < 1 || w < 1 || top + h > img.height()
        || left + w > img.width()) {
      throw new IllegalArgumentException("crop " + h + "x" + w + " at (" + top + ", " + left
          + ") does not fit " + img);
    }
    FloatImage out = FloatImage.zeros(img.channels(), h, w);
    for (int c = 0; c < img.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out.set(c, y, x, img.get(c, top + y, left + x));
        }
      }
    }
    return out;
  }

  /**
   * Bilinear resampling to {@code outH x outW} with pixel centres aligned ({@code
   * align_corners=False}), as PyTorch's {@code interpolate(mode="bilinear")}.
   */
  public static FloatImage resizeBilinear(FloatImage img, int outH, int outW) {
    FloatImage out = FloatImage.zeros(img.channels(), outH, outW);
    double sy = (double) img.height() / outH;
    double sx = (double) img.width() / outW;
    for (int y = 0; y < outH; y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = (int) fy;
      int y1 = y0 < img.height() - 1 ? y0 + 1 : y0;
      double ly = fy - y0;
      for (int x = 0; x < outW; x++) {
        double fx = Math.max(0, (x + 0.5) * sx - 0.5);
        int x0 = (int) fx;
        int x1 = x0 < img.width() - 1 ? x0 + 1 : x0;
        double lx = fx - x0;
        for (int c = 0; c < img.channels(); c++) {
          double top = (1 - lx) * img.get(c, y0, x0) + lx * img.get(c, y0, x1);
          double bottom = (1 - lx) * img.get(c, y1, x0) + lx * img.get(c, y1, x1);
          out.set(c, y, x, (float) ((1 - ly) * top + ly * bottom));
        }
      }
    }
    return out;
  }

  /** {@code clamp(factor * x)}. */
  public static FloatImage brightness(FloatImage img, double factor) {
    FloatImage out = img.copy();
    float[] v = out.values();
    for (int i = 0; i < v.length; i++) {
      v[i] = clamp(factor * v[i]);
    }
    return out;
  }

  /** Blends with the mean grey level: {@code clamp(f * x + (1 - f) * mean(grey(img)))}. */
  public static FloatImage contrast(FloatImage img, double factor) {
    float[] grey = grey(img);
    double sum = 0;
    for (float g : grey) {
      sum += g;
    }
    double mean = sum / grey.length;
    FloatImage out = img.copy();
    float[] v = out.values();
    for (int i = 0; i < v.length; i++) {
      v[i] = clamp(factor * v[i] + (1 - factor) * mean);
    }
    return out;
  }

  /** Blends an RGB image with its grey version: {@code clamp(f * x + (1 - f) * grey)}. */
  public static FloatImage saturation(FloatImage img, double factor) {
    if (!img.isRgb()) {
      return img.copy();
    }
    float[] grey = grey(img);
    FloatImage out = img.copy();
    float[] v = out.values();
    int plane = grey.length;
    for (int i = 0; i < v.length; i++) {
      v[i] = clamp(factor * v[i] + (1 - factor) * grey[i % plane]);
    }
    return out;
  }

  /** Turns an RGB image's hue by {@code shift} of a full turn (in [-0.5, 0.5]). */
  public static FloatImage hue(FloatImage img, double shift) {
    if (!img.isRgb()) {
      return img.copy();
    }
    int plane = img.height() * img.width();
    float[] v = img.values();
    float[] out = new float[v.length];
    for (int i = 0; i < plane; i++) {
      double r = v[i];
      double g = v[plane + i];
      double b = v[2 * plane + i];
      double max = Math.max(r, Math.max(g, b));
      double min = Math.min(r, Math.min(g, b));
      double chroma = max - min;
      double s = max == min ? 0 : chroma / max;
      double h;
      if (max == min) {
        h = 0;
      } else if (max == r) {
        h = (g - b) / chroma;
      } else if (max == g) {
        h = 2 + (b - r) / chroma;
      } else {
        h = 4 + (r - g) / chroma;
      }
      h = ((h / 6 + 1) % 1.0 + shift + 1) % 1.0;
      double[] rgb = hsvToRgb(h, s, max);
      out[i] = (float) rgb[0];
      out[plane + i] = (float) rgb[1];
      out[2 * plane + i] = (float) rgb[2];
    }
    return new FloatImage(3, img.height(), img.width(), out);
  }

  private static double[] hsvToRgb(double h, double s, double v) {
    double h6 = h * 6;
    int i = (int) Math.floor(h6);
    double f = h6 - i;
    i = Math.floorMod(i, 6);
    double p = clamp(v * (1 - s));
    double q = clamp(v * (1 - s * f));
    double t = clamp(v * (1 - s * (1 - f)));
    return switch (i) {
      case 0 -> new double[] {v, t, p};
      case 1 -> new double[] {q, v, p};
      case 2 -> new double[] {p, v, t};
      case 3 -> new double[] {p, q, v};
      case 4 -> new double[] {t, p, v};
      default -> new double[] {v, p, q};
    };
  }

  /**
   * Blends with a smoothed copy (kernel [[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13 inside, the
   * border pixels kept): {@code clamp(f * x + (1 - f) * smooth)}.
   */
  public static FloatImage sharpness(FloatImage img, double factor) {
    int h = img.height();
    int w = img.width();
    FloatImage out = img.copy();
    for (int c = 0; c < img.channels(); c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double smooth = img.get(c, y, x);
          if (y > 0 && y < h - 1 && x > 0 && x < w - 1) {
            double sum = 4 * img.get(c, y, x);
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                sum += img.get(c, y + dy, x + dx);
              }
            }
            smooth = sum / 13;
          }
          out.set(c, y, x, clamp(factor * img.get(c, y, x) + (1 - factor) * smooth));
        }
      }
    }
    return out;
  }

  /** Keeps the top {@code bits} bits of every 8-bit value. */
  public static FloatImage posterize(FloatImage img, int bits) {
    if (bits < 0 || bits > 8) {
      throw new IllegalArgumentException("posterize keeps 0 to 8 bits, got " + bits);
    }
    int mask = ~((1 << (8 - bits)) - 1) & 0xff;
    FloatImage out = img.copy();
    float[] v = out.values();
    for (int i = 0; i < v.length; i++) {
      v[i] = (eightBit(v[i]) & mask) / 255f;
    }
    return out;
  }

  /** Inverts every value at or above {@code threshold}: {@code x >= t ? 1 - x : x}. */
  public static FloatImage solarize(FloatImage img, double threshold) {
    FloatImage out = img.copy();
    float[] v = out.values();
    for (int i = 0; i < v.length; i++) {
      if (v[i] >= threshold) {
        v[i] = 1 - v[i];
      }
    }
    return out;
  }

  /** Stretches every channel to [0, 1] (a channel with one value stays as it is). */
  public static FloatImage autocontrast(FloatImage img) {
    FloatImage out = img.copy();
    float[] v = out.values();
    int plane = img.height() * img.width();
    for (int c = 0; c < img.channels(); c++) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
      if (max > min) {
        for (int i = c * plane; i < (c + 1) * plane; i++) {
          v[i] = clamp((v[i] - min) / (double) (max - min));
        }
      }
    }
    return out;
  }

  /**
   * Histogram equalisation of every channel's 8-bit values, torchvision's: {@code step = (count
   * - count of the last used level) / 255} (floor), levels mapped by {@code (cumulative count
   * below + step / 2) / step}; a channel with {@code step = 0} stays as it is.
   */
  public static FloatImage equalize(FloatImage img) {
    FloatImage out = img.copy();
    float[] v = out.values();
    int plane = img.height() * img.width();
    for (int c = 0; c < img.channels(); c++) {
      long[] hist = new long[256];
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        hist[eightBit(v[i])]++;
      }
      int last = 255;
      while (hist[last] == 0) {
        last--;
      }
      long step = (plane - hist[last]) / 255;
      if (step == 0) {
        continue;
      }
      long[] lut = new long[256];
      long cumulative = 0;
      for (int level = 0; level < 256; level++) {
        lut[level] = Math.min(255, (cumulative + step / 2) / step);
        cumulative += hist[level];
      }
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        v[i] = lut[eightBit(v[i])] / 255f;
      }
    }
    return out;
  }

  /**
   * Shears along x about the top-left corner: output pixel (x, y) shows the input at {@code (x
   * + m * y, y)} (pixel centres, nearest neighbour, zeros outside).
   */
  public static FloatImage shearX(FloatImage img, double m) {
    return sampleNearest(img, 1, m, 0, 0, 1, 0);
  }

  /** Shears along y about the top-left corner: output (x, y) shows input {@code (x, y + m * x)}. */
  public static FloatImage shearY(FloatImage img, double m) {
    return sampleNearest(img, 1, 0, 0, m, 1, 0);
  }

  /** Moves the content by {@code dx} columns right and {@code dy} rows down (zeros come in). */
  public static FloatImage translate(FloatImage img, int dx, int dy) {
    return sampleNearest(img, 1, 0, -dx, 0, 1, -dy);
  }

  /** Rotates the content counter-clockwise by {@code degrees} about the image centre. */
  public static FloatImage rotate(FloatImage img, double degrees) {
    double a = Math.toRadians(degrees);
    double cos = Math.cos(a);
    double sin = Math.sin(a);
    double cx = img.width() / 2.0;
    double cy = img.height() / 2.0;
    // input = centre + [[cos, -sin], [sin, cos]] (output - centre), in x-right, y-down pixels
    return sampleNearest(img, cos, -sin, cx - cos * cx + sin * cy, sin, cos,
        cy - sin * cx - cos * cy);
  }

  /**
   * Output pixel (x, y) takes the input pixel containing {@code (a px + b py + c, d px + e py +
   * f)}, with {@code (px, py)} its centre {@code (x + 0.5, y + 0.5)}; 0 outside the input.
   */
  private static FloatImage sampleNearest(FloatImage img, double a, double b, double c,
      double d, double e, double f) {
    FloatImage out = FloatImage.zeros(img.channels(), img.height(), img.width());
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        double px = x + 0.5;
        double py = y + 0.5;
        int ix = (int) Math.floor(a * px + b * py + c + 1e-9);
        int iy = (int) Math.floor(d * px + e * py + f + 1e-9);
        if (ix < 0 || iy < 0 || ix >= img.width() || iy >= img.height()) {
          continue;
        }
        for (int ch = 0; ch < img.channels(); ch++) {
          out.set(ch, y, x, img.get(ch, iy, ix));
        }
      }
    }
    return out;
  }

  /** The grey plane (the image itself when it has one channel). */
  static float[] grey(FloatImage img) {
    int plane = img.height() * img.width();
    float[] v = img.values();
    if (!img.isRgb()) {
      float[] g = new float[plane];
      System.arraycopy(v, 0, g, 0, plane);
      return g;
    }
    float[] g = new float[plane];
    for (int i = 0; i < plane; i++) {
      g[i] = GREY[0] * v[i] + GREY[1] * v[plane + i] + GREY[2] * v[2 * plane + i];
    }
    return g;
  }

  static int eightBit(float x) {
    return (int) Math.round(clamp(x) * 255.0);
  }

  static float clamp(double x) {
    return (float) Math.min(1, Math.max(0, x));
  }
}
