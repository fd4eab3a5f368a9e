package org.akorn.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a {@link UserException} into one clear line on stderr and a non-zero exit; anything else
 * is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult)
      throws Exception {
    if (ex instanceof UserException) {
      cmd.getErr().println("akorn: " + ex.getMessage());
      cmd.getErr().flush();
      return AkornCli.EXIT_USER_ERROR;
    }
    throw ex;
  }
}
