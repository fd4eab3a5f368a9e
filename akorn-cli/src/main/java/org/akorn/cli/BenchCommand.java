package org.akorn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.akorn.runtime.bench.Benchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akorn bench [--model sudoku|objects|classification|all] [--threads N] [--reps R]}: one
 * JSON line per model on stdout, progress on stderr. The work is {@link Benchmarks}'.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time the reference model families (batch 16, random inputs): one no-grad forward pass and"
          + " one training step (forward, backward, Adam; loss mean(out^2)), median of R after a"
          + " warm-up.",
      "Prints one JSON line per model: {\"model\", \"forward\", \"train_step\", \"unit\"}."
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
    err.println("bench: " + info);
    if (threads != null && info.intraOpThreads() >= 0 && info.intraOpThreads() != threads) {
      err.println(
          "bench: warning: asked for " + threads + " threads, the engine uses "
              + info.intraOpThreads() + " (it had started already)");
    }
    err.println(
        "bench: batch " + Benchmarks.BATCH + ", " + Benchmarks.WARMUP + " warm-up + " + reps
            + " timed passes each");
    err.flush();
    for (String name : models) {
      Benchmarks.Result r =
          Benchmarks.run(
              name,
              reps,
              line -> {
                err.println("bench: " + line);
                err.flush();
              });
      err.println("bench: " + r.summary());
      err.flush();
      out.println(r.toJson());
      out.flush();
    }
    return 0;
  }
}
