package org.akorn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code akorn} command line: checks, summarises, compiles, runs, trains and benchmarks models. */
@Command(
    name = "akorn",
    mixinStandardHelpOptions = true,
    versionProvider = AkornCli.Version.class,
    description = "Compile and run Artificial Kuramoto Oscillatory Neuron (AKOrN) models.",
    footer = {"", "End-to-end demos (train, evaluate, figures): bin/akorn demo --help"},
    subcommands = {
      CommandLine.HelpCommand.class,
      CheckCommand.class,
      SummaryCommand.class,
      CompileCommand.class,
      RunCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      ScoreCommand.class,
      SweepCommand.class,
      BenchCommand.class,
      DoctorCommand.class,
      FmtCommand.class,
      LspCommand.class
    })
public final class AkornCli {

  /** Exit status for user mistakes (bad model files, bad arguments). */
  public static final int EXIT_USER_ERROR = 1;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with every subcommand registered; tests call {@code execute} on it. */
  public static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new AkornCli());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    TrainCommand.describeDefaults(cli.getSubcommands().get("train"));
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AkornCli.class.getPackage().getImplementationVersion();
      return new String[] {"akorn " + (v == null ? "dev" : v)};
    }
  }
}
