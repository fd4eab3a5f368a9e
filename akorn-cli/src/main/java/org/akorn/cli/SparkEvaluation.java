package org.akorn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.AutoAttackEvaluation;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.spark.DistributedAutoAttack;
import org.akorn.spark.DistributedRobustness;
import org.akorn.spark.EvaluationInputs;
import org.apache.spark.sql.SparkSession;

/**
 * {@code akorn eval ... --robustness --spark MASTER}: the paper's suite and the AutoAttack-grade
 * rows with their batches spread over Spark tasks of one Spark session, started on first use and
 * stopped by {@link #close}. Every executor JVM rebuilds the model from the checkpoint's source
 * once and reads the test split once; the checkpoint and the data folder must be readable at the
 * same paths on every executor.
 */
final class SparkEvaluation implements AutoCloseable {
  private final String master;
  private final CheckpointInputs inputs;
  private SparkSession spark;

  SparkEvaluation(String master, Path checkpoint, Path data, List<String> inputNames) {
    this.master = master;
    this.inputs = new CheckpointInputs(checkpoint.toAbsolutePath().toString(),
        data.toAbsolutePath().toString(), inputNames);
  }

  /** The checkpoint and data folder, named by absolute paths every executor can read. */
  private record CheckpointInputs(String checkpoint, String data, List<String> inputNames)
      implements EvaluationInputs {
    private static final Map<String, CompiledModel> COMPILED = new ConcurrentHashMap<>();

    @Override
    public String key() {
      return checkpoint + "|" + data;
    }

    @Override
    public AkornModel newModel() throws IOException {
      CompiledModel compiled = COMPILED.computeIfAbsent(checkpoint, c ->
          CompiledModel.fromCheckpoint(Path.of(c), new PrintWriter(Writer.nullWriter())));
      return compiled.load(Path.of(checkpoint));
    }

    @Override
    public Dataset testSplit() throws IOException {
      return DataFolder.open(Path.of(data), inputNames).test();
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
      SparkSession.Builder builder = SparkSession.builder().master(master)
          .appName("akorn eval");
      if (master.startsWith("local")) {
        builder.config("spark.ui.enabled", "false");
      }
      spark = builder.getOrCreate();
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
