package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.junit.jupiter.api.Test;

/** The suite on a linear classifier: exact counts, the report table, and no native leaks. */
class EvalLeakAndReportTest {
  /** Class 1 when the first pixel exceeds 0.5: logits (0.5 - x0, x0 - 0.5) * 10. */
  private static Classifier threshold(NDManager m) {
    NDArray w = m.create(new float[] {-10f, 10f}, new Shape(1, 2));
    NDArray b = m.create(new float[] {5f, -5f});
    return (x, seed) -> x.reshape(x.getShape().get(0), -1).get(":, 0:1").matMul(w).add(b);
  }

  /** Four images of 2 pixels; the first pixel decides the class, two lie close to the border. */
  private static Dataset data() {
    float[] pixels = {0.1f, 0f, 0.9f, 0f, 0.49f, 0f, 0.52f, 0f};
    return new Dataset("t", List.of(new Column("image", new Shape(1, 1, 2), DataType.FLOAT32,
        pixels)), new Column("label", new Shape(), DataType.INT64, new float[] {0, 1, 0, 1}));
  }

  private static int openArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  @Test
  void suiteCountsByHandAndLeavesNoNativeArraysBehind() {
    RobustnessSuite.Settings s = new RobustnessSuite.Settings(2, 0, 4, new double[] {0.0},
        new int[] {1, 8}, 8, 2, 5, 1, 15, 0);
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier c = threshold(m);
      RobustnessSuite suite = new RobustnessSuite(s, new PrintWriter(new StringWriter()), false);
      suite.run("warm-up", c, data(), m);
      int before = openArrays();
      RobustnessSuite.Result r = null;
      for (int i = 0; i < 5; i++) {
        r = suite.run("t", c, data(), m);
      }
      assertThat(openArrays()).isEqualTo(before);
      // Clean: all 4 right. FGSM 1/255 moves 0.49 and 0.52 by 0.0039: both stay right. FGSM
      // 8/255 (0.031) pushes 0.49 to 0.521 and 0.52 to 0.489: both flip. PGD-5 of 2/255 at 8/255
      // ends on the same two flips.
      assertThat(r.values()).containsExactly("clean", 1.0, "noise 0", 1.0, "FGSM 1/255", 1.0,
          "FGSM 8/255", 0.5, "PGD-5 8/255", 0.5, "ECE", r.calibration().ece()).inOrder();
      String table = RobustnessReport.table(s, List.of(new RobustnessReport.Row("Lin", r)));
      assertThat(table).startsWith("| model | clean | noise 0 | FGSM 1/255 | FGSM 8/255 |"
          + " PGD-5 8/255 | ECE |\n|---|---:|---:|---:|---:|---:|---:|\n| Lin | 100.0 % | 100.0 % |"
          + " 100.0 % | 50.0 % | 50.0 % | ");
    }
  }

  @Test
  void columnsWithNoImageTestedShowADashNotNaN() {
    RobustnessSuite.Settings s = new RobustnessSuite.Settings(2, 0, 0, new double[] {0.1},
        new int[] {8}, 8, 2, 5, 1, 15, 0);
    try (NDManager m = NDManager.newBaseManager()) {
      RobustnessSuite suite = new RobustnessSuite(s, new PrintWriter(new StringWriter()), false);
      RobustnessSuite.Result r = suite.run("t", threshold(m), data(), m);
      String table = RobustnessReport.table(s, List.of(new RobustnessReport.Row("Lin", r)));
      assertThat(table).startsWith("| model | clean | noise 0.1 | FGSM 8/255 | PGD-5 8/255 | ECE |\n"
          + "|---|---:|---:|---:|---:|---:|\n| Lin | 100.0 % | - | - | - | ");
      assertThat(table).doesNotContain("NaN");
    }
  }

  @Test
  void batchesRunAloneInAnyOrderCombineToTheSameResult() {
    RobustnessSuite.Settings s = new RobustnessSuite.Settings(2, 0, 3, new double[] {0.0},
        new int[] {1, 8}, 8, 2, 5, 1, 15, 0);
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier c = threshold(m);
      RobustnessSuite suite = new RobustnessSuite(s, new PrintWriter(new StringWriter()), false);
      RobustnessSuite.Result whole = suite.run("t", c, data(), m);

      assertThat(suite.batchStarts(3)).asList().containsExactly(0, 2).inOrder();
      List<RobustnessSuite.CleanBatch> clean = List.of(suite.cleanBatch(c, data(), 2, m),
          suite.cleanBatch(c, data(), 0, m));
      List<RobustnessSuite.AttackBatch> attacks = List.of(
          suite.attackBatch(c, data(), 2, m, n -> {}), suite.attackBatch(c, data(), 0, m, n -> {}));
      RobustnessSuite.Result combined = suite.combine(data(), clean, attacks, 0);

      assertThat(attacks.get(0).hits()).asList().containsExactly(1L, 1L, 0L, 0L).inOrder();
      assertThat(combined.values()).isEqualTo(whole.values());
      assertThat(combined.attackExamples()).isEqualTo(3);
      IllegalArgumentException missing = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class,
          () -> suite.combine(data(), clean.subList(0, 1), attacks, 0));
      assertThat(missing).hasMessageThat()
          .isEqualTo("the clean batches start at [2]; expected [0, 2]");
    }
  }
}
