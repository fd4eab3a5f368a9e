package org.akorn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.spark.sweep.DistributedSweep;
import org.akorn.spark.sweep.SparkAttempts;
import org.akorn.spark.sweep.SweepConfiguration;
import org.akorn.spark.sweep.SweepGrid;
import org.akorn.spark.sweep.SweepPlan;
import org.akorn.spark.sweep.SweepSummary;
import org.akorn.dsl.model.ModelSpec;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akorn sweep MODEL.akorn --data DIR -P ch=16,32 -P T=2,3 --minutes M --spark MASTER}:
 * trains the model at every point of the grid, each point as one Spark task that runs {@code
 * akorn train} in its own JVM into its run folder, and writes {@code summary.md} and {@code
 * summary.tsv}, the runs ranked by validation metric. Every point is checked before the first
 * training starts.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Train a model at every point of a grid of hyper-parameters, one Spark task"
        + " per point, and rank the runs by validation metric.",
        "-P ch=16,32 -P T=2,3 trains four runs (the first option varies slowest); each is an"
            + " akorn train in its own JVM, in OUT/run-N-name=value..., and OUT/summary.md lists"
            + " them best first. Exit status 1 when a run is incomplete."})
public final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.akorn", description = "The model file.")
  Path file;

  @Option(names = "--model", paramLabel = "NAME", description = "Which model of the file (needed when it has several).")
  String modelName;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder (as for akorn train).")
  Path data;

  @Option(names = "-P", paramLabel = "name=v1[,v2...]",
      description = "A hyper-parameter and its values; one option per parameter.")
  List<String> grid;

  @Option(names = "--minutes", paramLabel = "M", description = "Training time of each run.")
  Double minutes;

  @Option(names = "--steps", paramLabel = "S", description = "Optimizer steps of each run (default: 5 minutes when neither is given).")
  Long steps;

  @Option(names = "--batch", paramLabel = "B", description = "Examples per step (akorn train's default 64).")
  Integer batch;

  @Option(names = "--lr", paramLabel = "LR", description = "Adam's learning rate (default: the head's).")
  Float lr;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of every run (default 1).")
  long seed;

  @Option(names = "--validation", paramLabel = "N", description = "Training examples held out for validation (akorn train's default).")
  Integer validation;

  @Option(names = "--validate-every", paramLabel = "SECONDS", description = "Training seconds between validations (akorn train's default 60).")
  Double validateEvery;

  @Option(names = "--augment", paramLabel = "none|strong", description = "Training augmentation (akorn train's default none).")
  String augment;

  @Option(names = "--spark", paramLabel = "MASTER", defaultValue = "local[1]",
      description = "The Spark master (default local[1]: one run at a time on this machine;"
          + " local[N]: N at once; local[N,F]: F attempts per run). On a cluster, OUT and"
          + " --data must be the same shared paths on every executor.")
  String master;

  @Option(names = "--threads-per-task", paramLabel = "T", defaultValue = "1",
      description = "PyTorch threads of each run (default 1).")
  int threads;

  @Option(names = "--out", paramLabel = "DIR", description = "A new folder for the runs and the summary (default sweeps/<model>).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    checkOptions();
    List<SweepConfiguration> runs;
    try {
      runs = SweepGrid.expand(grid == null ? List.of() : grid);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    String name = checkEveryRun(runs, err);
    Path folder = (out != null ? out : Path.of("sweeps", name.toLowerCase(Locale.ROOT)))
        .toAbsolutePath().normalize();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        if (files.findAny().isPresent()) {
          throw new UserException("--out " + folder + " is not empty; give a new folder");
        }
      }
    } else if (Files.exists(folder)) {
      throw new UserException("--out " + folder + " is a file; give a new folder");
    }
    SparkSession.Builder builder = SparkSession.builder().master(master).appName("akorn sweep");
    if (master.startsWith("local")) {
      builder.config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      SweepPlan plan = new SweepPlan(folder.toString(), AkornCli.class.getName(),
          trainArguments(), List.of(), threads, SparkAttempts.of(spark.sparkContext().getConf()));
      writeSweepProperties(folder, plan, runs.size());
      String title = String.format(Locale.ROOT, "Sweep of %s (%s) on %s", name,
          file.getFileName(), data.toAbsolutePath().normalize());
      err.printf(Locale.ROOT, "sweeping %s: %d runs on %s, %d attempt(s) each, into %s%n", name,
          runs.size(), master, plan.attempts(), folder);
      err.flush();
      SweepSummary summary = DistributedSweep.run(spark, plan, title, runs, err);
      o.print(summary.markdown());
      o.printf(Locale.ROOT, "%nwrote %s%n", folder.resolve("summary.md"));
      o.flush();
      if (summary.incomplete() > 0) {
        err.printf(Locale.ROOT, "%d of %d runs are incomplete; see their train.log%n",
            summary.incomplete(), runs.size());
        err.flush();
        return 1;
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  private void checkOptions() {
    if (minutes != null && !(minutes > 0) || steps != null && steps < 1
        || batch != null && batch < 1 || lr != null && !(lr > 0)
        || validation != null && validation < 0 || validateEvery != null && !(validateEvery >= 0)
        || threads < 1) {
      throw new UserException("--minutes, --steps, --batch, --lr and --threads-per-task must be"
          + " positive, --validation and --validate-every not negative");
    }
  }

  /**
   * Checks the model at every point of the grid (a mistake names the run), and the data folder
   * against the first point's inputs; the model's name.
   */
  private String checkEveryRun(List<SweepConfiguration> runs, PrintWriter err) throws IOException {
    ModelSpec first = null;
    for (SweepConfiguration run : runs) {
      try {
        ModelSpec model = CompiledModel.check(file, modelName, run.parameters(), err);
        first = first == null ? model : first;
      } catch (UserException e) {
        throw new UserException(e.getMessage() + " (run " + run.folder() + ": "
            + run.describe() + ")");
      }
    }
    CompiledModel compiled = CompiledModel.fromFile(file, modelName, runs.get(0).parameters(),
        err);
    if (!compiled.hasMlpHead()) {
      DataFolder.open(data, List.copyOf(compiled.inputShapes().keySet())).train()
          .checkAgainst(compiled.inputShapes());
    }
    return first.name();
  }

  /** {@code akorn train}'s arguments, less the overrides and {@code --out}. */
  private List<String> trainArguments() {
    List<String> args = new ArrayList<>(List.of("train",
        file.toAbsolutePath().normalize().toString(), "--data",
        data.toAbsolutePath().normalize().toString(), "--seed", Long.toString(seed)));
    add(args, "--model", modelName);
    add(args, "--minutes", minutes);
    add(args, "--steps", steps);
    add(args, "--batch", batch);
    add(args, "--lr", lr);
    add(args, "--validation", validation);
    add(args, "--validate-every", validateEvery);
    add(args, "--augment", augment);
    return args;
  }

  private static void add(List<String> args, String option, Object value) {
    if (value != null) {
      args.add(option);
      args.add(value.toString());
    }
  }

  private static void writeSweepProperties(Path folder, SweepPlan plan, int runs)
      throws IOException {
    StringBuilder text = new StringBuilder("# an akorn sweep: every run trains as\n");
    text.append("# akorn ").append(String.join(" ", plan.arguments()))
        .append(" -P name=value... --out RUN\n");
    text.append("runs=").append(runs).append('\n');
    text.append("attempts=").append(plan.attempts()).append('\n');
    text.append("threads.per.task=").append(plan.threadsPerTask()).append('\n');
    AtomicFiles.writeString(folder.resolve("sweep.properties"), text.toString());
  }
}
