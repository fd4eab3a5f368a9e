package org.akorn.runtime.data.objects;

import java.io.IOException;

/**
 * An image or mask file, or a folder of them, that cannot be used. The message is one line that
 * names the file and what is wrong with it.
 */
public final class InvalidImageDataException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public InvalidImageDataException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public InvalidImageDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
