package org.akorn.cli;

import org.akorn.runtime.checkpoint.InvalidCheckpointException;
import org.akorn.runtime.data.DataFormatException;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.Printable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link UserException} into one clear line on stderr (control characters shown
 * visibly) and a non-zero exit; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult)
      throws Exception {
    if (ex instanceof UserException || ex instanceof DataFormatException
        || ex instanceof InvalidCheckpointException || ex instanceof BadFileException) {
      cmd.getErr().println("akorn: " + Printable.visible(ex.getMessage()));
      cmd.getErr().flush();
      return AkornCli.EXIT_USER_ERROR;
    }
    throw ex;
  }
}
