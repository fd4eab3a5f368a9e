package org.akorn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.spark.DistributedRobustness;
import org.akorn.spark.EvaluationInputs;
import org.apache.spark.sql.SparkSession;

/**
 * {@code akorn eval ... --robustness --spark MASTER}: the paper's suite with its batches spread
 * over Spark tasks. Every executor JVM rebuilds the model from the checkpoint's source once and
 * reads the test split once; the checkpoint and the data folder must be readable at the same
 * paths on every executor.
 */
final class SparkEvaluation {
  private SparkEvaluation() {}

  /** The checkpoint's model and the data folder, named by absolute paths every executor can read. */
  private record CheckpointInputs(SourceCompiledModels models, String data,
      List<String> inputNames) implements EvaluationInputs {
    @Override
    public String key() {
      return models.key() + "|" + data;
    }

    @Override
    public AkornModel newModel() throws IOException {
      return models.newModel();
    }

    @Override
    public Dataset testSplit() throws IOException {
      return DataFolder.open(Path.of(data), inputNames).test();
    }
  }

  /**
   * Runs the suite on Spark.
   *
   * @param master the master of {@code --spark}; empty for the one spark-submit set, else local[*]
   */
  static RobustnessSuite.Result run(String master, Path checkpoint, Path data,
      List<String> inputNames, RobustnessSuite.Settings settings, int steps) throws IOException {
    SparkSession spark = SparkSessions.start(master, "local[*]", "akorn eval");
    try {
      return DistributedRobustness.run(spark, new CheckpointInputs(
          SourceCompiledModels.of(checkpoint), data.toAbsolutePath().toString(), inputNames),
          settings, steps);
    } finally {
      spark.stop();
    }
  }
}
