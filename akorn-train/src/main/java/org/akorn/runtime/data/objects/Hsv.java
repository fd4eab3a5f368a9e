package org.akorn.runtime.data.objects;

/** HSV colours, every component in [0, 1] (hue in turns). */
public final class Hsv {

  private Hsv() {}

  /** The RGB triple of hue {@code h}, saturation {@code s} and value {@code v}. */
  public static double[] toRgb(double h, double s, double v) {
    double h6 = h * 6.0;
    int sector = Math.floorMod((int) Math.floor(h6), 6);
    double f = h6 - Math.floor(h6);
    double p = v * (1 - s);
    double q = v * (1 - s * f);
    double t = v * (1 - s * (1 - f));
    return switch (sector) {
      case 0 -> new double[] {v, t, p};
      case 1 -> new double[] {q, v, p};
      case 2 -> new double[] {p, v, t};
      case 3 -> new double[] {p, q, v};
      case 4 -> new double[] {t, p, v};
      default -> new double[] {v, p, q};
    };
  }
}
