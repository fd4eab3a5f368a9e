package org.akorn.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one CIFAR-10 binary batch ({@code data_batch_N.bin}, {@code test_batch.bin}): records of
 * one label byte (0..9) and 3,072 pixel bytes (1,024 red, then green, then blue, each 32x32
 * row-major). The file size must be a whole number of records.
 */
public final class Cifar10Reader {
  /** Bytes per record: the label and a 3x32x32 image. */
  public static final int RECORD = 1 + 3 * 32 * 32;
  /** The classes of CIFAR-10. */
  public static final int CLASSES = 10;

  private Cifar10Reader() {}

  /**
   * The records of one batch file.
   *
   * @param labels one class per image
   * @param pixels {@code labels.length * 3072} bytes, image by image as {@code [3, 32, 32]}
   */
  public record Batch(int[] labels, byte[] pixels) {}

  /** Reads one batch file. */
  public static Batch read(Path file) throws DataFormatException {
    long size = DataFiles.size(file);
    if (size == 0 || size % RECORD != 0 || size / RECORD > Integer.MAX_VALUE / RECORD) {
      throw DataFormatException.of(file, "a CIFAR-10 batch holds whole records of " + RECORD
          + " bytes, but the file has " + size + " bytes");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw DataFormatException.of(file, "cannot be read: " + e.getMessage());
    }
    if (bytes.length != size) {
      throw DataFormatException.of(file, "changed while it was read");
    }
    int n = (int) (size / RECORD);
    int[] labels = new int[n];
    byte[] pixels = new byte[n * (RECORD - 1)];
    for (int i = 0; i < n; i++) {
      int label = bytes[i * RECORD] & 0xff;
      if (label >= CLASSES) {
        throw DataFormatException.of(file, "record " + i + " has label " + label
            + " (CIFAR-10 labels are 0..9)");
      }
      labels[i] = label;
      System.arraycopy(bytes, i * RECORD + 1, pixels, i * (RECORD - 1), RECORD - 1);
    }
    return new Batch(labels, pixels);
  }
}
