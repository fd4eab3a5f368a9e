package org.akorn.examples.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.akorn.examples.Sudoku4;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akorn demo predict-soak}: serves a Sudoku checkpoint through DJL's Criteria API and one
 * Predictor for many predictions and prints the engine's open arrays and the resident memory
 * every tenth of them, then one JSON line (docs/performance.md).
 */
@Command(name = "predict-soak", mixinStandardHelpOptions = true,
    description = "Many predictions through one DJL Predictor: open arrays and memory stay flat.")
public final class PredictSoakCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "A Sudoku4 or Sudoku checkpoint (default: a fresh Sudoku4, saved in a"
          + " temporary folder).")
  Path checkpoint;

  @Option(names = "--predictions", paramLabel = "N",
      description = "Predictor calls (default 10000).")
  int predictions = 10_000;

  @Option(names = "--batch", paramLabel = "B",
      description = "Boards per call (default 1: predict; more: batchPredict).")
  int batch = 1;

  @Option(names = "--steps", paramLabel = "T", description = "Kuramoto steps at run time.")
  Integer steps;

  @Option(names = "--votes", paramLabel = "K",
      description = "Energy voting over K noise states (default 1: none).")
  int votes = 1;

  @Override
  public Integer call() throws Exception {
    Path file = checkpoint;
    Path temporary = null;
    if (file == null) {
      temporary = Files.createTempDirectory("akorn-predict-soak");
      file = temporary.resolve("sudoku4.ckpt");
      try (Sudoku4 model = (Sudoku4) SudokuModels.create(4, SudokuHyperParameters.paper(4), 1)) {
        model.saveCheckpoint(file);
      }
    }
    try {
      PredictorSoak.Result r = PredictorSoak.run(file, predictions, batch, steps, votes,
          line -> spec.commandLine().getErr().println(line));
      spec.commandLine().getOut().println(r.toJson());
      return 0;
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(file);
        Files.deleteIfExists(temporary);
      }
    }
  }
}
