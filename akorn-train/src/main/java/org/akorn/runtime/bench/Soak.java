package org.akorn.runtime.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import java.util.function.Consumer;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.train.BlockTrainer;
import org.akorn.runtime.train.TrainingLoss;

/**
 * {@code akorn bench --soak N}: N training steps of a benchmark model (the same step as the
 * benchmark's), with the process's resident memory and the engine's open arrays taken after 10 %
 * of the steps (warm-up done) and at the end. Flat numbers mean no leak.
 */
public final class Soak {
  private Soak() {}

  /**
   * One soak's figures.
   *
   * @param rssMbStart resident MiB after 10 % of the steps
   * @param openArraysStart open engine arrays at the same point
   */
  public record Result(
      String model,
      int steps,
      int batch,
      double rssMbStart,
      double rssMbEnd,
      int openArraysStart,
      int openArraysEnd) {

    /** The JSON line. */
    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"model\": \"%s\", \"soak_steps\": %d, \"batch\": %d, \"rss_mb_start\": %.1f,"
              + " \"rss_mb_end\": %.1f, \"open_arrays_start\": %d, \"open_arrays_end\": %d}",
          model,
          steps,
          batch,
          rssMbStart,
          rssMbEnd,
          openArraysStart,
          openArraysEnd);
    }
  }

  /** Runs {@code steps} (at least 10) training steps of {@code model} at {@code batch}. */
  public static Result run(String model, int steps, int batch, Consumer<String> progress) {
    if (steps < 10) {
      throw new IllegalArgumentException("soak needs at least 10 steps, got " + steps);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1, got " + batch);
    }
    Benchmarks.resolve(model);
    int mark = steps / 10;
    double rssStart = Double.NaN;
    int openStart = -1;
    try (NDManager manager = NDManager.newBaseManager()) {
      AkornNetwork net = Benchmarks.network(model);
      NDList data = Benchmarks.inputs(manager, model, 42L, batch);
      net.initialize(manager, DataType.FLOAT32, data.get(0).getShape());
      TrainingLoss loss = (predictions, labels) -> predictions.get(0).square().mean();
      try (BlockTrainer trainer = BlockTrainer.builder(net, loss).build(manager)) {
        for (int i = 1; i <= steps; i++) {
          try (NDManager rep = manager.newSubManager()) {
            data.tempAttach(rep);
            trainer.step(data, new NDList());
          }
          if (i == mark) {
            System.gc();
            rssStart = ProcessMemory.residentMegabytes();
            openStart = ProcessMemory.openArrays();
          }
          if (i % mark == 0) {
            progress.accept(
                String.format(
                    Locale.ROOT,
                    "%s: soak %d/%d steps, rss %.1f MB, open arrays %d",
                    model,
                    i,
                    steps,
                    ProcessMemory.residentMegabytes(),
                    ProcessMemory.openArrays()));
          }
        }
        System.gc(); // as at the start mark: both points after a collection, trainer open
        return new Result(
            model,
            steps,
            batch,
            rssStart,
            ProcessMemory.residentMegabytes(),
            openStart,
            ProcessMemory.openArrays());
      }
    }
  }
}
