package org.akorn.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.AutoAttackEvaluation;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.spark.DistributedAutoAttack;
import org.akorn.spark.DistributedRobustness;
import org.akorn.spark.EvaluationInputs;
import org.akorn.spark.HadoopFolders;
import org.apache.spark.sql.SparkSession;

/**
 * {@code akorn eval ... --robustness --spark MASTER}: the paper's suite and the AutoAttack-grade
 * rows with their batches spread over Spark tasks of one Spark session, started on first use and
 * stopped by {@link #close}. Every executor JVM rebuilds the model from the checkpoint's source
 * once and reads the test split once. The checkpoint and the data folder are paths readable at the
 * same place on every executor, or URIs of Hadoop's file systems, which every JVM copies once
 * ({@link SourceCompiledModels}, {@link HadoopFolders}).
 */
final class SparkEvaluation implements AutoCloseable {
  private final String master;
  private final CheckpointInputs inputs;
  private SparkSession spark;

  /**
   * @param data the data folder's absolute path or URI
   */
  SparkEvaluation(String master, SourceCompiledModels models, String data,
      List<String> inputNames) {
    this.master = master;
    this.inputs = new CheckpointInputs(models, data, inputNames);
  }

  /** The checkpoint's model and the data folder, named by absolute paths or URIs. */
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
      return DataFolder.open(HadoopFolders.local(data), inputNames).test();
    }
  }

  /** The paper's suite ({@link DistributedRobustness}). */
  RobustnessSuite.Result suite(RobustnessSuite.Settings settings, int steps) throws IOException {
    return DistributedRobustness.run(session(), inputs, settings, steps);
  }

  /** The AutoAttack-grade rows and checks ({@link DistributedAutoAttack}). */
  AutoAttackEvaluation.Outcome autoattack(AutoAttackEvaluation.Settings settings, int steps,
      long fixedSeed, String model) throws IOException {
    return DistributedAutoAttack.run(session(), inputs, settings, steps, fixedSeed, model);
  }

  private SparkSession session() {
    if (spark == null) {
      spark = SparkSessions.start(master, "local[*]", "akorn eval");
    }
    return spark;
  }

  @Override
  public void close() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }
}
