package org.akorn.spark;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.Classifier;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.spark.models.TinyClassifier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robustness suite spread over Spark tasks in local mode gives the single-machine report:
 * every accuracy and the ECE equal, bit for bit.
 */
class DistributedRobustnessTest {
  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path checkpoint;

  @BeforeAll
  static void start() throws IOException {
    checkpoint = dir.resolve("classifier.ckpt");
    try (TinyClassifier model = TinyClassifier.builder().build()) {
      model.saveCheckpoint(checkpoint);
    }
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("akorn-spark-robustness-test")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    DistributedRobustness.closeAll();
  }

  /** The tiny classifier's checkpoint and 10 seeded images with labels 0..2. */
  private record TinyInputs(String checkpoint) implements EvaluationInputs {
    @Override
    public String key() {
      return checkpoint;
    }

    @Override
    public AkornModel newModel() throws IOException {
      return TinyClassifier.fromCheckpoint(Path.of(checkpoint));
    }

    @Override
    public Dataset testSplit() {
      Random random = new Random(3);
      float[] pixels = new float[10 * 64];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = random.nextFloat();
      }
      float[] labels = new float[10];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = i % 3;
      }
      return new Dataset("tiny", List.of(new Column("image", new Shape(1, 8, 8),
          DataType.FLOAT32, pixels)), new Column("label", new Shape(), DataType.INT64, labels));
    }
  }

  @Test
  void theDistributedReportEqualsTheSingleMachineOne() throws IOException {
    RobustnessSuite.Settings settings = new RobustnessSuite.Settings(3, 0, 7,
        new double[] {0.1}, new int[] {2, 8}, 8, 2, 3, 1, 5, 11);
    TinyInputs inputs = new TinyInputs(checkpoint.toString());

    RobustnessSuite.Result distributed = DistributedRobustness.run(spark, inputs, settings, 0);

    JniUtils.setNumThreads(1);
    RobustnessSuite.Result alone;
    try (AkornModel model = inputs.newModel(); NDManager m = NDManager.newBaseManager()) {
      alone = new RobustnessSuite(settings, new PrintWriter(new StringWriter()), false)
          .run("tiny", Classifier.of(model), inputs.testSplit(), m);
    }
    assertThat(distributed.cleanExamples()).isEqualTo(10);
    assertThat(distributed.attackExamples()).isEqualTo(7);
    assertThat(distributed.values().keySet()).containsExactly("clean", "noise 0.1",
        "FGSM 2/255", "FGSM 8/255", "PGD-3 8/255", "ECE").inOrder();
    assertThat(distributed.values()).isEqualTo(alone.values());
    assertThat(distributed.calibration()).isEqualTo(alone.calibration());
  }
}
