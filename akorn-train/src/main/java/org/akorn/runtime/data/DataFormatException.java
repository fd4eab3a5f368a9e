package org.akorn.runtime.data;

import java.io.IOException;
import java.nio.file.Path;
import org.akorn.runtime.io.Printable;

/**
 * A data file that cannot be read as what it claims to be. The message is one line that names
 * the file and what is wrong with it, control characters shown visibly ({@link Printable}).
 */
public final class DataFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public DataFormatException(String message) {
    super(Printable.visible(message));
  }

  /** {@code file: why}. */
  static DataFormatException of(Path file, String why) {
    return new DataFormatException(file + ": " + why);
  }
}
