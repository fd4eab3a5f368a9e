package org.akorn.spark;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.Locale;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.djl.CheckpointModels;
import org.akorn.runtime.eval.Accuracy;
import org.apache.spark.sql.SparkSession;

/**
 * Measures scoring throughput (docs/performance.md, "Scoring on Spark"): the first N test images
 * of a data folder scored by the generated class in one process ({@link Accuracy}, as {@code
 * akorn eval} does) and by {@link CheckpointScorer} in each given Spark master; every run once to
 * warm up, then timed.
 *
 * <p>{@code java -cp ... org.akorn.spark.ScoringThroughput CHECKPOINT MODEL_CLASS DATA_DIR N BATCH
 * MASTER...}
 */
public final class ScoringThroughput {
  private ScoringThroughput() {}

  public static void main(String[] args) throws Exception {
    Path checkpoint = Path.of(args[0]);
    String modelClass = args[1];
    Path data = Path.of(args[2]);
    int n = Integer.parseInt(args[3]);
    int batch = Integer.parseInt(args[4]);
    String input;
    try (AkornModel model = CheckpointModels.load(checkpoint, modelClass)) {
      input = model.inputNames().get(0);
      Dataset test = DataFolder.open(data, model.inputNames()).test().slice(0, n);
      Accuracy.of(model, test, batch, RunOptions.defaults());
      long start = System.nanoTime();
      double accuracy = Accuracy.of(model, test, batch, RunOptions.defaults());
      report("one process, " + JniUtils.getNumThreads() + " PyTorch threads", n, start,
          String.format(Locale.ROOT, "accuracy %.4f", accuracy));
    }
    for (int a = 5; a < args.length; a++) {
      String master = args[a];
      SparkSession spark = SparkSession.builder().master(master).appName("scoring throughput")
          .config("spark.ui.enabled", "false").getOrCreate();
      try {
        int cores = spark.sparkContext().defaultParallelism();
        var frame = DataFrames.testSplit(spark, data.toAbsolutePath().toString(), input, 0, n,
            cores).select("id", "image").cache();
        frame.count();
        CheckpointScorer scorer = CheckpointScorer.builder(checkpoint.toString())
            .modelClass(modelClass).idColumn("id").batchSize(batch).build();
        scorer.transform(frame).count();
        long start = System.nanoTime();
        long scored = scorer.transform(frame).count();
        report("Spark " + master + ", " + cores + " tasks of 1 PyTorch thread", n, start,
            scored + " rows");
      } finally {
        spark.stop();
        ExecutorModels.closeAll();
      }
    }
  }

  private static void report(String what, int n, long start, String note) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%s: %d images in %.2f s, %.1f images/s (%s)%n", what, n,
        seconds, n / seconds, note);
  }
}
