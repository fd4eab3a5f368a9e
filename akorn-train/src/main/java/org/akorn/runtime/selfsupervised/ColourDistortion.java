package org.akorn.runtime.selfsupervised;

import java.util.SplittableRandom;
import org.akorn.runtime.data.objects.Hsv;
import org.akorn.runtime.data.Permutations;

/**
 * The reference's {@code get_color_distortion(s=0.5)}: with probability 0.8 torchvision's
 * {@code ColorJitter(0.4, 0.4, 0.4, 0.1)} (brightness, contrast and saturation factors uniform in
 * [0.6, 1.4], a hue shift uniform in [-0.1, 0.1] turns, applied in a random order), then with
 * probability 0.2 conversion to grey. On PIL images as the reference runs it: brightness scales,
 * contrast blends with the mean grey level, saturation blends with the grey image (grey = 0.299 R
 * + 0.587 G + 0.114 B), hue rotates in HSV; every result is clipped to [0, 1].
 */
final class ColourDistortion {

  private ColourDistortion() {}

  /** Distorts {@code rgb [3, n]} in place. */
  static void apply(float[] rgb, SimclrAugmentation settings, SplittableRandom random) {
    if (random.nextDouble() < settings.jitterProbability()) {
      jitter(rgb, settings, random);
    }
    if (random.nextDouble() < settings.grayscaleProbability()) {
      grey(rgb);
    }
  }

  private static void jitter(float[] rgb, SimclrAugmentation s, SplittableRandom random) {
    int[] order = Permutations.of(4, random);
    double brightness = factor(s.brightness(), random);
    double contrast = factor(s.contrast(), random);
    double saturation = factor(s.saturation(), random);
    double hue = -s.hue() + 2 * s.hue() * random.nextDouble();
    for (int op : order) {
      switch (op) {
        case 0 -> brightness(rgb, brightness);
        case 1 -> contrast(rgb, contrast);
        case 2 -> saturation(rgb, saturation);
        default -> hue(rgb, hue);
      }
    }
  }

  private static double factor(double strength, SplittableRandom random) {
    return Math.max(0, 1 - strength) + 2 * strength * random.nextDouble();
  }

  static void brightness(float[] rgb, double factor) {
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = clip(rgb[i] * factor);
    }
  }

  static void contrast(float[] rgb, double factor) {
    int n = rgb.length / 3;
    double mean = 0;
    for (int p = 0; p < n; p++) {
      mean += luma(rgb, p, n);
    }
    mean /= n;
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = clip(mean + factor * (rgb[i] - mean));
    }
  }

  static void saturation(float[] rgb, double factor) {
    int n = rgb.length / 3;
    for (int p = 0; p < n; p++) {
      double grey = luma(rgb, p, n);
      for (int c = 0; c < 3; c++) {
        rgb[c * n + p] = clip(grey + factor * (rgb[c * n + p] - grey));
      }
    }
  }

  /** Rotates every pixel's hue by {@code shift} turns. */
  static void hue(float[] rgb, double shift) {
    int n = rgb.length / 3;
    for (int p = 0; p < n; p++) {
      double r = rgb[p];
      double g = rgb[n + p];
      double b = rgb[2 * n + p];
      double max = Math.max(r, Math.max(g, b));
      double min = Math.min(r, Math.min(g, b));
      double delta = max - min;
      if (delta == 0) {
        continue; // grey: no hue to turn
      }
      double h;
      if (max == r) {
        h = ((g - b) / delta) / 6.0;
      } else if (max == g) {
        h = ((b - r) / delta + 2) / 6.0;
      } else {
        h = ((r - g) / delta + 4) / 6.0;
      }
      h = ((h + shift) % 1.0 + 1.0) % 1.0;
      double saturation = delta / max;
      double[] out = Hsv.toRgb(h, saturation, max);
      for (int c = 0; c < 3; c++) {
        rgb[c * n + p] = clip(out[c]);
      }
    }
  }

  static void grey(float[] rgb) {
    int n = rgb.length / 3;
    for (int p = 0; p < n; p++) {
      float grey = clip(luma(rgb, p, n));
      rgb[p] = grey;
      rgb[n + p] = grey;
      rgb[2 * n + p] = grey;
    }
  }

  private static double luma(float[] rgb, int p, int n) {
    return 0.299 * rgb[p] + 0.587 * rgb[n + p] + 0.114 * rgb[2 * n + p];
  }

  private static float clip(double v) {
    return (float) Math.min(1.0, Math.max(0.0, v));
  }
}
