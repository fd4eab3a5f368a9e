package org.akorn.runtime.io;

import java.io.IOException;

/**
 * A file a user handed in that cannot be used: missing, not a regular file, truncated, damaged or
 * of the wrong kind. The message is one line that names the file and what is wrong, with control
 * characters shown visibly ({@link Printable}).
 */
public final class BadFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param where the file (and entry) the problem is in
   * @param what what is wrong, as the rest of a sentence ("is truncated", "has dtype ...")
   */
  public BadFileException(String where, String what) {
    super(Printable.visible(where + " " + what));
  }
}
