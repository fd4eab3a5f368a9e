package org.akorn.runtime.checkpoint;

import java.io.IOException;
import org.akorn.runtime.io.Printable;

/**
 * A checkpoint file that cannot be used: unreadable, truncated, corrupt (checksum mismatch), of an
 * unknown format version, or written for a different model. The message names the file and every
 * problem found; the model it was to be loaded into is unchanged.
 */
public final class InvalidCheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public InvalidCheckpointException(String message) {
    super(Printable.visibleLines(message));
  }

  /** An exception with the given message and cause. */
  public InvalidCheckpointException(String message, Throwable cause) {
    super(Printable.visibleLines(message), cause);
  }
}
