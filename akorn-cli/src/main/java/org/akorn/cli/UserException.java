package org.akorn.cli;

/** A mistake of the user's (missing file, bad argument): reported as one line, no stack trace. */
public final class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }
}
