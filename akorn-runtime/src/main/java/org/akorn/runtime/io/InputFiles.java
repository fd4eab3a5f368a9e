package org.akorn.runtime.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens files a user names: the type is checked before the file is opened (a FIFO would block the
 * open, a device would never end), and the whole content is read with a size limit.
 */
public final class InputFiles {
  /** The largest file read into memory: Java arrays end just below 2 GiB. */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 16;

  private InputFiles() {}

  /**
   * Checks that {@code file} is an existing regular file (links followed) of at most {@code
   * maxBytes} bytes, without opening it, and returns its size.
   */
  public static long requireRegularFile(Path file, long maxBytes) throws BadFileException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new BadFileException(file.toString(), "does not exist");
    } catch (IOException e) {
      throw new BadFileException(file.toString(), "cannot be read: " + e.getMessage());
    }
    if (attributes.isDirectory()) {
      throw new BadFileException(file.toString(), "is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw new BadFileException(file.toString(),
          "is not a regular file (a FIFO, socket or device?)");
    }
    if (attributes.size() > maxBytes) {
      throw new BadFileException(file.toString(), "is " + attributes.size()
          + " bytes, more than the " + maxBytes + " this reader accepts");
    }
    return attributes.size();
  }

  /** Reads a regular file of at most {@code maxBytes} bytes (see {@link #requireRegularFile}). */
  public static byte[] readAll(Path file, long maxBytes) throws BadFileException {
    requireRegularFile(file, maxBytes);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadFileException(file.toString(), "cannot be read: " + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      throw new BadFileException(file.toString(), "grew beyond " + maxBytes + " bytes while read");
    }
    return bytes;
  }
}
