package org.akorn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.akorn.runtime.data.IdxWriter;

/**
 * A tiny task the command-line tests train on (also from other modules, through this module's
 * test jar): 3 classes of square grey images whose bright band is the top, middle or bottom
 * third, and a small conv model of parameter {@code ch} for its 8x8 version.
 */
public final class TinyBands {
  /** A tiny conv model ({@code param ch}, default 8) for 8x8 bands. */
  public static final String MODEL = """
      package org.akorn.test;
      model Tiny {
        param ch: int = 8;
        input image: float[1, 8, 8];
        stem = conv(image, channels = ch, kernel = 3);
        init = noise;
        layer { n = 2; channels = ch; steps = 2; connectivity = conv(kernel = 3);
                omega = global(init = 1.0); c_norm = group; }
        readout = readout(N = 2, kernel = 1);
        head logits = classifier(classes = 3);
        output logits;
      }
      """;

  private TinyBands() {}

  /**
   * Writes the task into {@code dir}: the model as {@code tiny.akorn} and the data folder {@code
   * data} (30 training and 20 test images); the model file.
   */
  public static Path writeTask(Path dir) throws Exception {
    Path model = dir.resolve("tiny.akorn");
    Files.writeString(model, MODEL);
    Path data = Files.createDirectories(dir.resolve("data"));
    write(data, "train", 30, 1, 8);
    write(data, "t10k", 20, 2, 8);
    return model;
  }

  /**
   * Writes {@code n} images of side {@code size} as IDX files {@code PREFIX-images-idx3-ubyte.gz}
   * and {@code PREFIX-labels-idx1-ubyte.gz}; image i is of class i % 3.
   */
  public static void write(Path folder, String prefix, int n, long seed, int size)
      throws Exception {
    Random r = new Random(seed);
    byte[] images = new byte[n * size * size];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int k = i % 3;
      labels[i] = (byte) k;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean band = y * 3 / size == k;
          images[(i * size + y) * size + x] = (byte) ((band ? 180 : 20) + r.nextInt(60));
        }
      }
    }
    IdxWriter.write(folder.resolve(prefix + "-images-idx3-ubyte.gz"),
        new int[] {n, size, size}, images);
    IdxWriter.write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {n}, labels);
  }
}
