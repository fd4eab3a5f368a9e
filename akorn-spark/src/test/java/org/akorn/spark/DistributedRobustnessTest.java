package org.akorn.spark;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.AttackBudget;
import org.akorn.runtime.eval.AutoAttackEvaluation;
import org.akorn.runtime.eval.AutoAttackReport;
import org.akorn.runtime.eval.Classifier;
import org.akorn.runtime.eval.RobustAccuracy;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.spark.models.TinyClassifier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robustness suite and the AutoAttack-grade evaluation spread over Spark tasks in local mode
 * give the single-machine report: every accuracy and the ECE equal, bit for bit; every robust and
 * clean count and every check equal.
 */
class DistributedRobustnessTest {
  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path checkpoint;
  /** Labels 0, 1, 2, 0, ...: about a third right. */
  private static final float[] CYCLIC = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
  /** The classes the model gives the images from the initial state of seed 0. */
  private static float[] predicted;

  @BeforeAll
  static void start() throws IOException {
    checkpoint = dir.resolve("classifier.ckpt");
    try (TinyClassifier model = TinyClassifier.builder().build()) {
      // Seeded weights (PyTorch's initialisation depends on what drew from its generator
      // before), then the head's bias centres the mean logits of the test images at 0, so that the class
      // depends on the image; labelled with these classes, the images are right from the
      // initial state of seed 0, and the attacks flip some of them.
      Random random = new Random(5);
      for (var p : model.network().getParameters()) {
        String name = p.getKey();
        if (!name.equals("gamma") && !name.contains("omg") && !name.contains("c_norm")) {
          NDArray w = p.getValue().getArray();
          float[] v = new float[(int) w.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian() * 0.3f;
          }
          w.set(v);
        }
      }
      try (NDManager m = NDManager.newBaseManager()) {
        Dataset test = new TinyInputs("", CYCLIC).testSplit();
        NDArray logits = Classifier.of(model).logits(test.inputs(m, new int[] {0, 1, 2, 3, 4, 5,
            6, 7, 8, 9}).values().iterator().next(), 0);
        NDArray mean = logits.mean(new int[] {0});
        predicted = logits.sub(mean).argMax(1).toType(DataType.FLOAT32, false).toFloatArray();
        for (var p : model.network().getParameters()) {
          if (p.getKey().endsWith("head_01linear_bias")) {
            NDArray bias = p.getValue().getArray();
            bias.set(bias.sub(mean).toFloatArray());
          }
        }
      }
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

  /** The tiny classifier's checkpoint and 10 seeded images with {@code labels}. */
  private record TinyInputs(String checkpoint, float[] labels) implements EvaluationInputs {
    @Override
    public String key() {
      return checkpoint + " " + Arrays.toString(labels);
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
      return new Dataset("tiny", List.of(new Column("image", new Shape(1, 8, 8),
          DataType.FLOAT32, pixels)), new Column("label", new Shape(), DataType.INT64,
              labels.clone()));
    }
  }

  @Test
  void theDistributedReportEqualsTheSingleMachineOne() throws IOException {
    RobustnessSuite.Settings settings = new RobustnessSuite.Settings(3, 0, 7,
        new double[] {0.1}, new int[] {2, 8}, 8, 2, 3, 1, 5, 11);
    TinyInputs inputs = new TinyInputs(checkpoint.toString(), CYCLIC);

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

  @Test
  void theDistributedAutoAttackOutcomeEqualsTheSingleMachineOne() throws IOException {
    AutoAttackEvaluation.Settings settings = new AutoAttackEvaluation.Settings(List.of(),
        new double[] {8 / 255.0}, new AttackBudget(2, 2, 5, 1, 2), 5, 2, 17, true);
    TinyInputs inputs = new TinyInputs(checkpoint.toString(), predicted);

    AutoAttackEvaluation.Outcome distributed = DistributedAutoAttack.run(spark, inputs, settings,
        0, 3, "tiny");

    JniUtils.setNumThreads(1);
    AutoAttackEvaluation.Outcome alone;
    try (AkornModel model = inputs.newModel(); NDManager m = NDManager.newBaseManager()) {
      List<AutoAttackEvaluation.ThreatModel> threats = AutoAttackEvaluation.threatModels(model,
          RunOptions.defaults(), 3);
      Dataset test = inputs.testSplit();
      alone = new AutoAttackEvaluation(settings, new PrintWriter(new StringWriter()), false)
          .run("tiny", threats, AutoAttackEvaluation.classes(threats.get(0), test, m), test, m);
    }
    assertThat(distributed.examples()).isEqualTo(5);
    assertThat(distributed.rows().stream().map(r -> r.threat() + " " + r.set()).toList())
        .containsExactly("random autoattack-rand", "fixed (seed 3) autoattack-standard")
        .inOrder();
    assertThat(distributed.rows()).hasSize(alone.rows().size());
    for (int i = 0; i < alone.rows().size(); i++) {
      RobustAccuracy.Result a = alone.rows().get(i).result();
      RobustAccuracy.Result d = distributed.rows().get(i).result();
      assertThat(d.attacks()).isEqualTo(a.attacks());
      assertThat(d.examples()).isEqualTo(a.examples());
      assertThat(d.clean()).isEqualTo(a.clean());
      assertThat(d.robustAfter()).isEqualTo(a.robustAfter());
    }
    assertThat(distributed.checks()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(distributed.checks().get(i).checks())
          .isEqualTo(alone.checks().get(i).checks());
      assertThat(distributed.checks().get(i).eotSuccess())
          .isEqualTo(alone.checks().get(i).eotSuccess());
    }
    assertThat(distributed.checks().get(0).eotSuccess()).hasLength(3);
    String md = AutoAttackReport.markdown(settings, List.of(distributed), null);
    assertThat(md).isEqualTo(AutoAttackReport.markdown(settings, List.of(alone), null));
    // Not a vacuous equality: the attacks flip images the model had right.
    RobustAccuracy.Result random = distributed.rows().get(0).result();
    assertThat(random.robust()).isLessThan(random.clean());
  }
}
