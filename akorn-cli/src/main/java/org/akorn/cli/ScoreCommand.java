package org.akorn.cli;

import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.train.ProgressBar;
import org.akorn.spark.CheckpointScorer;
import org.akorn.spark.DataFrames;
import org.akorn.spark.HadoopFolders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code akorn score CHECKPOINT --data DIR --out SCORES [--spark [MASTER]]}: scores the data's
 * test split with {@link CheckpointScorer} on Spark and writes one Parquet row per image (id,
 * label, the output, and for a classifier prediction and confidence). Image i starts from the
 * noise of seed {@code --seed + i}, as {@code akorn eval --batch 1} draws it. Every executor
 * compiles the model from the checkpoint's source ({@link SourceCompiledModels}), so any master
 * works, the one {@code spark-submit} set included.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score a checkpoint of akorn train on a data set's test split with Spark and"
        + " write the scores as Parquet.",
        "Image i starts from the initial noise of seed S + i (as akorn eval --batch 1)."})
public final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "A model.ckpt written by"
      + " akorn train: a path every executor can read, or a URI of Spark's file systems (hdfs://,"
      + " s3a://, ...).")
  String checkpoint;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The data folder (as for akorn eval), read by this JVM and by every executor:"
          + " a path each can read at the same place, or a URI of Hadoop's file systems (hdfs://,"
          + " s3a://, ...), whose plain files each JVM copies once.")
  String data;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "A new folder for the Parquet scores: a path, or a URI of Spark's file systems"
          + " (hdfs://, s3a://, ...).")
  String out;

  @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
      description = "The Spark master (local[N], spark://host:port, yarn, ...); default: the one"
          + " spark-submit set, else local[*] (every core of this machine). A checkpoint path must"
          + " be readable at the same place on every executor.")
  String master;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "Images per forward pass (default 32).")
  int batch;

  @Option(names = "--steps", paramLabel = "T", description = "Kuramoto steps per layer (test-time extension).")
  Integer steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Image i starts from the noise of seed S + i (default 0).")
  long seed;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (batch < 1 || steps != null && steps < 1) {
      throw new UserException("--batch and --steps must be at least 1");
    }
    // Every executor compiles the model from the checkpoint's source itself: the class compiled
    // here exists in this JVM only.
    SourceCompiledModels models = SourceCompiledModels.of(checkpoint);
    CompiledModel compiled = models.compiled(spec.commandLine().getErr());
    Map<String, Shape> inputs = compiled.inputShapes();
    if (inputs.size() != 1) {
      throw new UserException(compiled.spec().name() + " takes " + inputs.keySet()
          + "; akorn score takes models of one input");
    }
    Dataset test = DataFolder.open(DataFolders.local(data), List.copyOf(inputs.keySet())).test();
    test.checkAgainst(inputs);
    SparkSession spark = SparkSessions.start(master, "local[*]", "akorn score");
    try {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(out);
      if (target.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(target)) {
        throw new UserException("--out " + out + " exists; give a new folder");
      }
      long start = System.nanoTime();
      CheckpointScorer.Builder scorer = CheckpointScorer.builder(models.checkpoint())
          .modelFactory(models).inputColumn("image").idColumn("id")
          .seedColumn("seed").batchSize(batch);
      if (steps != null) {
        scorer.steps(steps);
      }
      // The executors read the images themselves: none travels from this JVM.
      String folder = HadoopFolders.isRemote(data) ? data
          : Path.of(data).toAbsolutePath().normalize().toString();
      var images = DataFrames.testSplit(spark, folder, inputs.keySet().iterator().next(), seed,
          0, spark.sparkContext().defaultParallelism());
      var scored = scorer.build().transform(images).drop("image", "seed");
      scored.write().parquet(out);
      double seconds = (System.nanoTime() - start) / 1e9;
      var written = spark.read().parquet(out);
      long rows = written.count();
      String accuracy = "";
      if (List.of(written.columns()).contains("prediction")) {
        long right = written.filter("prediction = label").count();
        accuracy = String.format(Locale.ROOT, ", accuracy %.2f %%", 100.0 * right / rows);
      }
      o.printf(Locale.ROOT, "%s: scored %d test examples on %s in %s (%.1f per second)%s;"
          + " wrote %s%n", compiled.spec().name(), rows, spark.sparkContext().master(),
          ProgressBar.clock(seconds),
          rows / seconds, accuracy, out);
      o.flush();
      return 0;
    } finally {
      spark.stop();
    }
  }
}
