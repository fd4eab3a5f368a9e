package org.akorn.runtime.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What every reader needs: a file's size and exact reads, failing with a one-line message. */
final class DataFiles {
  private DataFiles() {}

  /** The file's size in bytes. */
  static long size(Path file) throws DataFormatException {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw DataFormatException.of(file, "no such file");
    } catch (IOException e) {
      throw DataFormatException.of(file, "cannot be read: " + e.getMessage());
    }
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
