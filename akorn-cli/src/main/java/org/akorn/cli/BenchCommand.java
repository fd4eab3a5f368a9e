package org.akorn.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.akorn.runtime.bench.Benchmarks;
import org.akorn.runtime.bench.Soak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akorn bench [--model NAME] [--threads N] [--reps R] [--batch B] [--soak N] [--profile
 * DIR]}: one
 * JSON line per model on stdout, progress on stderr. The work is {@link Benchmarks}'.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time the reference model families (batch 16, random inputs): one no-grad forward pass and"
          + " one training step (forward, backward, Adam; loss mean(out^2)), median of R after a"
          + " warm-up.",
      "Prints one JSON line per model: {\"model\", \"batch\", \"forward\", \"train_step\","
          + " \"unit\", \"forward_samples_per_s\", \"train_samples_per_s\"}; with --soak N:"
          + " {\"model\", \"soak_steps\", \"batch\", \"rss_mb_start\", \"rss_mb_end\","
          + " \"open_arrays_start\", \"open_arrays_end\"}."
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "NAME",
      defaultValue = "all",
      description = "sudoku, objects, classification, classification24 or all (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "PyTorch intra- and inter-op threads (default: the engine's choice).")
  Integer threads;

  @Option(
      names = "--batch",
      paramLabel = "B",
      defaultValue = "" + Benchmarks.BATCH,
      description = "Samples per pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--soak",
      paramLabel = "N",
      description =
          "Instead of timing: N training steps per model, then one JSON line with the resident"
              + " memory and the engine's open arrays after 10 %% of the steps and at the end.")
  Integer soak;

  @Option(
      names = "--profile",
      paramLabel = "DIR",
      description =
          "Run the timed passes under the engine's profiler: write each measurement's Chrome"
              + " trace to DIR and print the operations with the most self time.")
  Path profile;

  @Option(
      names = "--reps",
      paramLabel = "R",
      defaultValue = "" + Benchmarks.DEFAULT_REPS,
      description = "Timed repetitions per measurement (default: ${DEFAULT-VALUE}).")
  int reps;

  @Override
  public Integer call() {
    List<String> models;
    try {
      models = Benchmarks.resolve(model);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    if (reps < 1) {
      throw new UserException("--reps must be at least 1, got " + reps);
    }
    if (batch < 1) {
      throw new UserException("--batch must be at least 1, got " + batch);
    }
    if (soak != null && soak < 10) {
      throw new UserException("--soak must be at least 10 steps, got " + soak);
    }
    if (profile != null && soak != null) {
      throw new UserException("--profile times passes; it cannot be combined with --soak");
    }
    if (profile != null && java.nio.file.Files.exists(profile)
        && !java.nio.file.Files.isDirectory(profile)) {
      throw new UserException("--profile " + profile + ": not a folder");
    }
    if (threads != null) {
      if (threads < 1) {
        throw new UserException("--threads must be at least 1, got " + threads);
      }
      // Before anything touches the engine: DJL reads these when the PyTorch engine starts.
      Benchmarks.setThreads(threads);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Benchmarks.EngineInfo info = Benchmarks.engineInfo();
    String waitPolicy = System.getenv("OMP_WAIT_POLICY");
    err.println("bench: " + info + ", OpenMP wait policy "
        + (waitPolicy == null || waitPolicy.isEmpty() ? "default" : waitPolicy));
    if (threads != null && info.intraOpThreads() >= 0 && info.intraOpThreads() != threads) {
      err.println(
          "bench: warning: asked for " + threads + " threads, the engine uses "
              + info.intraOpThreads() + " (it had started already)");
    }
    if (soak != null) {
      err.println("bench: batch " + batch + ", soak of " + soak + " training steps per model");
      err.flush();
      for (String name : models) {
        Soak.Result r = Soak.run(name, soak, batch, line -> progress(err, line));
        out.println(r.toJson());
        out.flush();
      }
      return 0;
    }
    err.println(
        "bench: batch " + batch + ", " + Benchmarks.WARMUP + " warm-up + " + reps
            + " timed passes each");
    err.flush();
    for (String name : models) {
      Benchmarks.Result r =
          Benchmarks.run(name, reps, batch, profile, line -> progress(err, line));
      err.println("bench: " + r.summary());
      err.flush();
      out.println(r.toJson());
      out.flush();
    }
    return 0;
  }

  private static void progress(PrintWriter err, String line) {
    err.println("bench: " + line);
    err.flush();
  }
}
