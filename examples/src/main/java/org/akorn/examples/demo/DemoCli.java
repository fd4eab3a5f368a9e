package org.akorn.examples.demo;

import org.akorn.runtime.io.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code akorn demo}: end-to-end demos of models written in {@code .akorn} files ({@code bin/akorn
 * demo ...} runs this class from the examples jar, so the compiler's command line does not depend
 * on the examples).
 */
@Command(
    name = "akorn demo",
    mixinStandardHelpOptions = true,
    description = "End-to-end demos: train, evaluate and draw AKOrN models.",
    subcommands = {CommandLine.HelpCommand.class, SudokuCommand.class, ClassifyCommand.class,
        ObjectsCommand.class, PredictSoakCommand.class})
public final class DemoCli {

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line; tests call {@code execute} on it. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new DemoCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof java.io.IOException) {
        cmd.getErr().println("akorn demo: error: " + Printable.visible(String.valueOf(e.getMessage())));
        return 1;
      }
      throw e;
    });
    return cli;
  }
}
