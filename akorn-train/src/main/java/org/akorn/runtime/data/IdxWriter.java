package org.akorn.runtime.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.akorn.runtime.io.AtomicFiles;

/** Writes unsigned-byte IDX files ({@code .gz} names compressed), the layout {@link IdxReader} reads. */
public final class IdxWriter {
  private IdxWriter() {}

  /** Writes {@code data} (row-major) with the sizes {@code dims}, atomically. */
  public static void write(Path file, int[] dims, byte[] data) throws IOException {
    long count = 1;
    for (int d : dims) {
      count *= d;
    }
    if (count != data.length) {
      throw new IllegalArgumentException("shape " + IdxReader.shape(dims) + " holds " + count
          + " values, got " + data.length);
    }
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    raw.write(new byte[] {0, 0, 0x08, (byte) dims.length});
    for (int d : dims) {
      raw.write(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
    }
    raw.write(data);
    byte[] bytes = raw.toByteArray();
    if (file.getFileName().toString().endsWith(".gz")) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(bytes);
      }
      bytes = gz.toByteArray();
    }
    AtomicFiles.write(file, bytes);
  }
}
