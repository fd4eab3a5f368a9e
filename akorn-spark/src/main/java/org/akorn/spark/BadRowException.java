package org.akorn.spark;

/** A row the model cannot score (missing, wrongly sized or non-finite input); names the row. */
public final class BadRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRowException(String message) {
    super(message);
  }
}
