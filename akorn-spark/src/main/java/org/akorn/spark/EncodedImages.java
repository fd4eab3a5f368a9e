package org.akorn.spark;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Decodes an image file's bytes (PNG, JPEG, BMP, GIF: what {@link ImageIO} reads; Spark's {@code
 * binaryFile} source gives them in its {@code content} column) into a model input {@code [C, H,
 * W]} of values in [0, 1], as the project's image readers do: three channels as RGB planes, one
 * channel from a grey image's samples. Nothing is resized or converted between grey and colour: a
 * mismatch is a bad row.
 */
final class EncodedImages {
  private EncodedImages() {}

  /** Refuses a model whose input is not an image {@code [1 or 3, H, W]}. */
  static void checkImageShape(Shape shape) {
    if (shape.dimension() != 3 || (shape.get(0) != 1 && shape.get(0) != 3)) {
      throw new IllegalArgumentException("the model's input " + shape
          + " is no image [1 or 3, H, W]; give it an array<float> column");
    }
  }

  static float[] decode(byte[] bytes, Shape shape, String column) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new BadRowException(column + " is not a readable image (" + bytes.length + " bytes)");
    }
    int channels = (int) shape.get(0);
    int h = (int) shape.get(1);
    int w = (int) shape.get(2);
    if (image.getHeight() != h || image.getWidth() != w) {
      throw new BadRowException(column + " is a " + image.getWidth() + "x" + image.getHeight()
          + " image; the model expects " + w + "x" + h);
    }
    int imageChannels = image.getColorModel().getNumColorComponents();
    if (imageChannels != channels) {
      throw new BadRowException(column + " has " + imageChannels + " colour channel"
          + (imageChannels == 1 ? "" : "s") + "; the model expects " + channels);
    }
    float[] values = new float[channels * h * w];
    if (channels == 1) {
      Raster raster = image.getRaster();
      float max = (1 << image.getColorModel().getComponentSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          values[y * w + x] = raster.getSample(x, y, 0) / max;
        }
      }
      return values;
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = image.getRGB(x, y);
        values[y * w + x] = ((argb >> 16) & 0xFF) / 255f;
        values[(h + y) * w + x] = ((argb >> 8) & 0xFF) / 255f;
        values[(2 * h + y) * w + x] = (argb & 0xFF) / 255f;
      }
    }
    return values;
  }
}
