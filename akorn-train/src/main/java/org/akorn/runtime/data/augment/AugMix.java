package org.akorn.runtime.data.augment;

import java.util.SplittableRandom;

/**
 * AugMix (Hendrycks et al., ICLR 2020) as torchvision's {@code AugMix} with its defaults: {@code
 * width} chains of 1 to 3 operations each (or {@code depth}), every operation drawn uniformly
 * from the thirteen below at a magnitude of bin {@code 0..severity-1} of 11 and a random sign
 * where signed; the chains are mixed with Dirichlet({@code alpha}) weights and the mixture is
 * blended with the image by a Beta({@code alpha}, {@code alpha}) weight.
 *
 * <p>Operations and their magnitude at bin k: shear x / y 0.03 k, translate x / y k W / 30 (k H
 * / 30) pixels, rotate 3 k degrees, posterize to {@code 4 - round(k / 2.5)} bits, solarize at
 * {@code 1 - 0.1 k}, autocontrast, equalize, and brightness, colour (saturation), contrast and
 * sharpness with the factor {@code 1 + 0.09 k}.
 *
 * @param severity magnitude bins used, 1 to 10 (3)
 * @param width chains mixed (3)
 * @param depth operations per chain, or 0 for 1 to 3 at random
 * @param alpha concentration of the Dirichlet and Beta weights (1)
 */
public record AugMix(int severity, int width, int depth, double alpha)
    implements ImageAugmentation {

  /** The operations, in torchvision's order. */
  public enum Op {
    SHEAR_X(true), SHEAR_Y(true), TRANSLATE_X(true), TRANSLATE_Y(true), ROTATE(true),
    POSTERIZE(false), SOLARIZE(false), AUTOCONTRAST(false), EQUALIZE(false), BRIGHTNESS(true),
    COLOR(true), CONTRAST(true), SHARPNESS(true);

    private final boolean signed;

    Op(boolean signed) {
      this.signed = signed;
    }

    /** Whether the magnitude takes a random sign. */
    public boolean signed() {
      return signed;
    }

    /** Applies this operation at magnitude bin {@code bin} (0..10) with the given sign. */
    public FloatImage apply(FloatImage img, int bin, boolean negative) {
      double s = negative ? -1 : 1;
      return switch (this) {
        case SHEAR_X -> ImageOps.shearX(img, s * 0.03 * bin);
        case SHEAR_Y -> ImageOps.shearY(img, s * 0.03 * bin);
        case TRANSLATE_X -> ImageOps.translate(img, (int) (s * bin * img.width() / 30.0), 0);
        case TRANSLATE_Y -> ImageOps.translate(img, 0, (int) (s * bin * img.height() / 30.0));
        case ROTATE -> ImageOps.rotate(img, s * 3.0 * bin);
        case POSTERIZE -> ImageOps.posterize(img, 4 - (int) Math.rint(bin / 2.5));
        case SOLARIZE -> ImageOps.solarize(img, (255 - 25.5 * bin) / 255.0);
        case AUTOCONTRAST -> ImageOps.autocontrast(img);
        case EQUALIZE -> ImageOps.equalize(img);
        case BRIGHTNESS -> ImageOps.brightness(img, 1 + s * 0.09 * bin);
        case COLOR -> ImageOps.saturation(img, 1 + s * 0.09 * bin);
        case CONTRAST -> ImageOps.contrast(img, 1 + s * 0.09 * bin);
        case SHARPNESS -> ImageOps.sharpness(img, 1 + s * 0.09 * bin);
      };
    }
  }

  public AugMix {
    if (severity < 1 || severity > 10 || width < 1 || depth < 0 || !(alpha > 0)) {
      throw new IllegalArgumentException("AugMix needs severity 1 to 10, width at least 1,"
          + " depth not negative and a positive alpha");
    }
  }

  /** torchvision's defaults: severity 3, width 3, depth 1 to 3, alpha 1. */
  public static AugMix reference() {
    return new AugMix(3, 3, 0, 1);
  }

  @Override
  public FloatImage apply(FloatImage image, SplittableRandom random) {
    double[] blend = dirichlet(random, 2);
    double[] chains = dirichlet(random, width);
    float[] mix = new float[image.values().length];
    float[] v = image.values();
    for (int i = 0; i < mix.length; i++) {
      mix[i] = (float) (blend[0] * v[i]);
    }
    Op[] ops = Op.values();
    for (int chain = 0; chain < width; chain++) {
      FloatImage aug = image;
      int n = depth > 0 ? depth : 1 + random.nextInt(3);
      for (int k = 0; k < n; k++) {
        Op op = ops[random.nextInt(ops.length)];
        int bin = random.nextInt(severity);
        boolean negative = op.signed() && random.nextBoolean();
        aug = op.apply(aug, bin, negative);
      }
      double weight = chains[chain] * blend[1];
      float[] a = aug.values();
      for (int i = 0; i < mix.length; i++) {
        mix[i] += (float) (weight * a[i]);
      }
    }
    for (int i = 0; i < mix.length; i++) {
      mix[i] = ImageOps.clamp(mix[i]);
    }
    return new FloatImage(image.channels(), image.height(), image.width(), mix);
  }

  /** A Dirichlet(alpha, ..., alpha) draw from normalised Gamma(alpha) draws. */
  double[] dirichlet(SplittableRandom random, int n) {
    double[] g = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      g[i] = Gamma.sample(random, alpha);
      sum += g[i];
    }
    for (int i = 0; i < n; i++) {
      g[i] /= sum;
    }
    return g;
  }
}
