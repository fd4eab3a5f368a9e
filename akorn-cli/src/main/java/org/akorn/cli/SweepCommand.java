package org.akorn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.spark.HadoopFolders;
import org.akorn.spark.sweep.DistributedSweep;
import org.akorn.spark.sweep.SparkAttempts;
import org.akorn.spark.sweep.SweepConfiguration;
import org.akorn.spark.sweep.SweepGrid;
import org.akorn.spark.sweep.SweepPlan;
import org.akorn.spark.sweep.SweepRunStatus;
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

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The data folder (as for akorn train): a path every executor can read at"
          + " the same place, or a URI of Hadoop's file systems (hdfs://, s3a://), which each"
          + " executor copies once.")
  String data;

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

  @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
      description = "The Spark master (default: the one spark-submit set, else local[1]: one run"
          + " at a time on this machine; local[N]: N at once; local[N,F]: F attempts per run). On"
          + " a cluster, OUT must be the same shared path on every executor.")
  String master;

  @Option(names = "--jvm-option", paramLabel = "OPTION",
      description = "An option of every training JVM, e.g. --jvm-option=-Xmx2g (repeatable). The"
          + " tensors live outside the Java heap.")
  List<String> jvmOptions;

  @Option(names = "--threads-per-task", paramLabel = "T", defaultValue = "1",
      description = "PyTorch threads of each run (default 1).")
  int threads;

  @Option(names = "--out", paramLabel = "DIR", description = "A new folder for the runs and the summary (default sweeps/<model>).")
  Path out;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "60",
      description = "Seconds between the lines that tell where the running runs stand"
          + " (default 60).")
  double progressEvery;

  @Option(names = "--resume", description = "Train only the runs of --out that are not complete"
      + " (a sweep stopped or with failed runs), with the options it was started with.")
  boolean resume;

  /** The copy of the model's source files inside a sweep's folder. */
  static final String SOURCE = "source";

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
    Path folder = (out != null ? out : Path.of("sweeps",
        checkPoint(file, runs.get(0), err).name().toLowerCase(Locale.ROOT)))
        .toAbsolutePath().normalize();
    Properties started = resume ? startedSweep(folder) : null;
    // The runs train the copy of the source in the sweep's folder: a resumed sweep trains what
    // it started with, and executors read the model where they write their runs.
    Path model = resume ? folder.resolve(SOURCE).resolve(started.getProperty("source.main"))
        : file;
    CompiledModel first = checkEveryRun(model, runs, err);
    String name = first.spec().name();
    String mainFile = first.source().mainFile();
    Path sourceMain = folder.resolve(SOURCE).resolve(mainFile);
    List<String> tokens = new ArrayList<>(trainArguments(sourceMain));
    (grid == null ? List.<String>of() : grid).forEach(g -> tokens.addAll(List.of("-P", g)));
    String command = String.join(" ", tokens);
    List<SweepConfiguration> toRun = resume ? resumable(folder, started, command, runs) : runs;
    if (!resume) {
      requireEmpty(folder);
      for (Map.Entry<String, String> f : first.source().files().entrySet()) {
        AtomicFiles.writeString(folder.resolve(SOURCE).resolve(f.getKey()), f.getValue());
      }
    }
    SparkSession spark = SparkSessions.start(master, "local[1]", "akorn sweep");
    try {
      SweepPlan plan = new SweepPlan(folder.toString(), AkornCli.class.getName(),
          trainArguments(sourceMain), jvmOptions == null ? List.of() : jvmOptions, threads,
          SparkAttempts.of(spark.sparkContext().getConf()));
      if (!resume) {
        writeSweepProperties(folder, plan, command, mainFile, runs.size());
      }
      String title = String.format(Locale.ROOT, "Sweep of %s (%s) on %s", name,
          file.getFileName(), dataArgument());
      err.printf(Locale.ROOT, "sweeping %s: %d run%s on %s, %d attempt(s) each, into %s%s%n",
          name, toRun.size(), toRun.size() == 1 ? "" : "s", spark.sparkContext().master(),
          plan.attempts(), folder, resume ? String.format(Locale.ROOT,
              " (resumed: %d of %d runs were complete)", runs.size() - toRun.size(), runs.size())
              : "");
      err.flush();
      SweepSummary summary = DistributedSweep.run(spark, plan, title, runs, toRun, progressEvery,
          err);
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

  private static void requireEmpty(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        if (files.findAny().isPresent()) {
          throw new UserException("--out " + folder + " is not empty; give a new folder, or"
              + " --resume to train its runs that are not complete");
        }
      }
    } else if (Files.exists(folder)) {
      throw new UserException("--out " + folder + " is a file; give a new folder");
    }
  }

  /** The {@code sweep.properties} of the sweep in {@code folder}. */
  private static Properties startedSweep(Path folder) throws IOException {
    Path file = folder.resolve("sweep.properties");
    if (!Files.isRegularFile(file)) {
      throw new UserException("--resume: " + folder + " holds no sweep (no sweep.properties)");
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    if (p.getProperty("source.main") == null || p.getProperty("command") == null) {
      throw new UserException("--resume: " + file + " is not the record of an akorn sweep");
    }
    return p;
  }

  /** The runs of a sweep started with the same options that are not complete. */
  private static List<SweepConfiguration> resumable(Path folder, Properties started,
      String command, List<SweepConfiguration> runs) throws IOException {
    if (!command.equals(started.getProperty("command"))) {
      throw new UserException("--resume: the sweep in " + folder + " was started as akorn "
          + started.getProperty("command") + "; give the same data, -P and training options");
    }
    List<SweepConfiguration> left = new ArrayList<>();
    for (SweepConfiguration run : runs) {
      SweepRunStatus status = SweepRunStatus.readFrom(folder.resolve(run.folder()));
      if (status == null || !status.complete()) {
        left.add(run);
      }
    }
    return left;
  }

  private void checkOptions() {
    if (minutes != null && !(minutes > 0) || steps != null && steps < 1
        || batch != null && batch < 1 || lr != null && !(lr > 0)
        || validation != null && validation < 0 || validateEvery != null && !(validateEvery >= 0)
        || threads < 1 || !(progressEvery > 0)) {
      throw new UserException("--minutes, --steps, --batch, --lr, --threads-per-task and"
          + " --progress-every must be positive, --validation and --validate-every not negative");
    }
  }

  /** The model at one point, checked (a mistake names the run). */
  private ModelSpec checkPoint(Path model, SweepConfiguration run, PrintWriter err) {
    try {
      return CompiledModel.check(model, modelName, run.parameters(), err);
    } catch (UserException e) {
      throw new UserException(e.getMessage() + " (run " + run.folder() + ": " + run.describe()
          + ")");
    }
  }

  /**
   * Checks the model at every point of the grid, and the data folder against the first point's
   * inputs; the first point compiled.
   */
  private CompiledModel checkEveryRun(Path model, List<SweepConfiguration> runs,
      PrintWriter err) throws IOException {
    for (SweepConfiguration run : runs) {
      checkPoint(model, run, err);
    }
    CompiledModel compiled = CompiledModel.fromFile(model, modelName, runs.get(0).parameters(),
        err);
    if (!compiled.hasMlpHead()) {
      DataFolder.open(DataFolders.local(data), List.copyOf(compiled.inputShapes().keySet())).train()
          .checkAgainst(compiled.inputShapes());
    }
    return compiled;
  }

  /** {@code akorn train}'s arguments, less the overrides and {@code --out}. */
  private List<String> trainArguments(Path model) {
    List<String> args = new ArrayList<>(List.of("train", model.toString(), "--data",
        dataArgument(), "--seed", Long.toString(seed)));
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

  /**
   * The data folder as an absolute path, a URI of Hadoop's file systems as given, or a
   * generator's name as given ({@code tetrominoes}).
   */
  private String dataArgument() {
    if (HadoopFolders.isRemote(data) || !Files.exists(Path.of(data))) {
      return data;
    }
    return Path.of(data).toAbsolutePath().normalize().toString();
  }

  private static void add(List<String> args, String option, Object value) {
    if (value != null) {
      args.add(option);
      args.add(value.toString());
    }
  }

  private static void writeSweepProperties(Path folder, SweepPlan plan, String command,
      String mainFile, int runs) throws IOException {
    Properties p = new Properties();
    p.setProperty("command", command);
    p.setProperty("source.main", mainFile);
    p.setProperty("runs", Integer.toString(runs));
    p.setProperty("attempts", Integer.toString(plan.attempts()));
    p.setProperty("threads.per.task", Integer.toString(plan.threadsPerTask()));
    StringWriter text = new StringWriter();
    p.store(text, "an akorn sweep: each run is akorn COMMAND (one value of each -P) --out RUN");
    AtomicFiles.writeString(folder.resolve("sweep.properties"), text.toString());
  }
}
