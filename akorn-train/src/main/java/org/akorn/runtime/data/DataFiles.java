package org.akorn.runtime.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What every reader needs: a file's size and exact reads, failing with a one-line message. */
final class DataFiles {
  private DataFiles() {}

  /**
   * The file's size in bytes, after checking (without opening it) that it is a regular file: a
   * folder is refused, and a FIFO, which would block the reader forever, too.
   */
  static long size(Path file) throws DataFormatException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw DataFormatException.of(file, "no such file");
    } catch (IOException e) {
      throw DataFormatException.of(file, "cannot be read: " + e.getMessage());
    }
    if (attributes.isDirectory()) {
      throw DataFormatException.of(file, "is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw DataFormatException.of(file, "is not a regular file (a FIFO, socket or device?)");
    }
    return attributes.size();
  }

  /** Exactly {@code n} bytes, or a message that {@code what} ends early. */
  static byte[] readExactly(Path file, InputStream in, int n, String what) throws IOException {
    byte[] out = new byte[n];
    int off = 0;
    while (off < n) {
      int r;
      try {
        r = in.read(out, off, n - off);
      } catch (EOFException e) {
        r = -1;
      }
      if (r < 0) {
        throw DataFormatException.of(file, what + " ends early (" + off + " of " + n + " bytes)");
      }
      off += r;
    }
    return out;
  }
}
