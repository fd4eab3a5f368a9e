package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole AutoAttack-grade evaluation on a threshold classifier whose answers are known. */
class AutoAttackEvaluationTest {
  @TempDir Path dir;

  /**
   * Four classes, the first pixel decides between 0 and 1: logits ((0.5 - x0) * 10,
   * (x0 - 0.5) * 10, -10, -10), scaled by a factor in [1, 2) drawn from the seed (a randomized model
   * whose randomness never changes the class).
   */
  private static Classifier threshold(NDManager m) {
    NDArray w = m.create(new float[] {-10f, 10f, 0f, 0f}, new Shape(1, 4));
    NDArray b = m.create(new float[] {5f, -5f, -10f, -10f});
    return (x, seed) -> x.reshape(x.getShape().get(0), -1).get(":, 0:1").matMul(w).add(b)
        .mul(1 + new Random(seed).nextFloat());
  }

  /** 0.1 and 0.9 lie 0.4 from the border, 0.49 and 0.52 within 8/255; 0.8 is labelled wrong. */
  private static Dataset data() {
    float[] pixels = {0.1f, 0.3f, 0.9f, 0.6f, 0.49f, 0.2f, 0.52f, 0.7f, 0.8f, 0.1f};
    return new Dataset("t", List.of(new Column("image", new Shape(1, 1, 2), DataType.FLOAT32,
        pixels)), new Column("label", new Shape(), DataType.INT64,
            new float[] {0, 1, 0, 1, 0}));
  }

  @Test
  void reportsRowsSettingsChecksAndTheEotCurve() throws Exception {
    AutoAttackEvaluation.Settings s = new AutoAttackEvaluation.Settings(List.of(),
        AutoAttackReport.parseRadii("8/255, 0.1"), AttackBudget.parse("iterations=5,eot=2,"
            + "queries=40"), 5, 4, 0, true);
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier c = threshold(m);
      StringWriter log = new StringWriter();
      AutoAttackEvaluation.Outcome o = new AutoAttackEvaluation(s, new PrintWriter(log), false)
          .run("Lin", List.of(new AutoAttackEvaluation.ThreatModel("random", c, true),
              new AutoAttackEvaluation.ThreatModel("fixed (seed 3)", (x, seed) -> c.logits(x, 3),
                  false)), 4, data(), m);
      Path png = dir.resolve("eot-curve.png");
      assertThat(AutoAttackReport.writeEotCurve(png, List.of(o))).isTrue();
      assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(0);
      String md = AutoAttackReport.markdown(s, List.of(o), "eot-curve.png");
      // 4 of 5 right clean; the two images near 0.5 fall at both radii, the far two never.
      assertThat(md).contains("| Lin | random | autoattack-rand | 8/255 | 80.0 % | 40.0 % |"
          + " APGD-CE 40.0 %, APGD-DLR 40.0 % |\n");
      assertThat(md).contains("| Lin | random | autoattack-rand | 0.1 | 80.0 % | 40.0 % |");
      assertThat(md).contains("| Lin | fixed (seed 3) | autoattack-standard | 8/255 | 80.0 % |"
          + " 40.0 % | APGD-CE 40.0 %, APGD-T 40.0 %, Square 40.0 % |\n");
      assertThat(md).contains("- Budget: REDUCED to 5 iterations, EOT 2, 40 queries, 1"
          + " restart(s), 9 target classes (--budget); the published settings are 100"
          + " iterations, EOT 20, 5000 queries, 1 restart(s), 9 target classes.");
      assertThat(md).contains("- Lin, random, autoattack-rand: APGD-CE (5 iterations, 1"
          + " restart(s), EOT 2, momentum 0.75, rho 0.75); APGD-DLR (5 iterations, 1 restart(s),"
          + " EOT 2, momentum 0.75, rho 0.75)\n");
      assertThat(md).contains("- Lin, fixed (seed 3), autoattack-standard: APGD-CE (5"
          + " iterations, 1 restart(s), EOT 1, momentum 0.75, rho 0.75); APGD-T (5 iterations, 1"
          + " restart(s), EOT 1, momentum 0.75, rho 0.75, 3 target classes); Square (40 queries,"
          + " p_init 0.8, margin loss)\n");
      assertThat(md).contains("### Gradient-masking checks (at 8/255)");
      // At 0.25 the far images still hold (0.1 + 0.25 < 0.5); at 0.5 every image falls.
      assertThat(md).contains("- PASS accuracy does not rise with epsilon: APGD-CE 40.0 % at"
          + " 0.03137, 40.0 % at 0.1000, 40.0 % at 0.2500, 0.0 % at 0.5000\n");
      assertThat(md).contains("- PASS accuracy falls toward 0 as epsilon grows: 0.0 % at"
          + " epsilon 0.5, at most 60.0 % allowed (the largest class share)\n");
      assertThat(md).contains("- PASS iterative attacks at least as strong as single-step ones:"
          + " APGD-CE 40.0 %, FGSM 40.0 %\n");
      assertThat(md).contains("- PASS white-box at least as strong as black-box (Square):"
          + " autoattack-rand 40.0 %, Square 40.0 %\n");
      assertThat(md).contains("- PASS attack success converged in the EOT draws: APGD-CE"
          + " success 50.0 % at K = 1, 50.0 % at K = 4, 50.0 % at K = 16");
      assertThat(o.checks().get(1).eotSuccess()).hasLength(0);
      assertThat(md).contains("![APGD-CE success against EOT draws](eot-curve.png)");
      assertThat(log.toString()).contains("Lin, random: autoattack-rand at 8/255: robust 2 of 5"
          + " (clean 4)");
      assertThat(Files.exists(png)).isTrue();
    }
  }

  @Test
  void batchesOfEveryMeasurementInAnyOrderGiveTheOutcomeOfRun() {
    AutoAttackEvaluation.Settings s = new AutoAttackEvaluation.Settings(List.of(),
        AutoAttackReport.parseRadii("8/255, 0.1"), AttackBudget.parse("iterations=5,eot=2,"
            + "queries=40"), 5, 2, 4, true);
    AutoAttackEvaluation evaluation = new AutoAttackEvaluation(s,
        new PrintWriter(new StringWriter()), false);
    try (NDManager m = NDManager.newBaseManager()) {
      Classifier c = threshold(m);
      List<AutoAttackEvaluation.ThreatModel> threats = List.of(
          new AutoAttackEvaluation.ThreatModel("random", c, true),
          new AutoAttackEvaluation.ThreatModel("fixed (seed 3)", (x, seed) -> c.logits(x, 3),
              false));
      Dataset test = data();
      AutoAttackEvaluation.Outcome alone = evaluation.run("Lin", threats, 4, test, m);

      List<AutoAttackEvaluation.Measurement> plan = evaluation.plan(threats, 4, test);
      // Per threat: 2 rows; FGSM, APGD-CE at 4 radii, autoattack-rand, Square; EOT 1, 4, 16.
      assertThat(plan).hasSize(12 + 9);
      assertThat(plan.get(0)).isEqualTo(new AutoAttackEvaluation.Measurement(0,
          "autoattack-rand", 0, 8 / 255.0, true));
      assertThat(plan.get(11).what()).isEqualTo("APGD-CE EOT 16");
      assertThat(RobustAccuracy.batchStarts(evaluation.examples(test), 2)).asList()
          .containsExactly(0, 2, 4).inOrder();
      Map<AutoAttackEvaluation.Measurement, RobustAccuracy.Result> results = new HashMap<>();
      List<AutoAttackEvaluation.Measurement> backwards = new ArrayList<>(plan);
      Collections.reverse(backwards);
      for (AutoAttackEvaluation.Measurement mm : backwards) {
        List<RobustAccuracy.Batch> batches = new ArrayList<>();
        for (int from : new int[] {4, 0, 2}) {
          batches.add(evaluation.measureBatch(mm, threats.get(mm.threat()), 4, test, from, m));
        }
        results.put(mm, RobustAccuracy.combine(evaluation.attacks(mm, threats.get(mm.threat()),
            4), 5, 2, batches));
      }
      AutoAttackEvaluation.Outcome together = evaluation.outcome("Lin", threats, 4, test,
          results, 1.5);

      assertThat(together.rows()).hasSize(alone.rows().size());
      for (int i = 0; i < alone.rows().size(); i++) {
        RobustAccuracy.Result a = alone.rows().get(i).result();
        RobustAccuracy.Result b = together.rows().get(i).result();
        assertThat(b.attacks()).isEqualTo(a.attacks());
        assertThat(b.examples()).isEqualTo(a.examples());
        assertThat(b.clean()).isEqualTo(a.clean());
        assertThat(b.robustAfter()).isEqualTo(a.robustAfter());
        assertThat(together.rows().get(i).attackSettings())
            .isEqualTo(alone.rows().get(i).attackSettings());
      }
      assertThat(together.checks()).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(together.checks().get(i).checks()).isEqualTo(alone.checks().get(i).checks());
        assertThat(together.checks().get(i).eotSuccess())
            .isEqualTo(alone.checks().get(i).eotSuccess());
      }
      assertThat(AutoAttackReport.markdown(s, List.of(together), null))
          .isEqualTo(AutoAttackReport.markdown(s, List.of(alone), null));
      assertThat(together.seconds()).isEqualTo(1.5);

      AutoAttackEvaluation.Measurement first = plan.get(0);
      List<RobustAccuracy.Batch> two = List.of(
          evaluation.measureBatch(first, threats.get(0), 4, test, 0, m),
          evaluation.measureBatch(first, threats.get(0), 4, test, 0, m));
      assertThat(assertThrows(IllegalArgumentException.class, () -> RobustAccuracy.combine(
          evaluation.attacks(first, threats.get(0), 4), 5, 2, two)).getMessage())
          .isEqualTo("the batches start at [0, 0]; expected [0, 2, 4]");
      results.remove(first);
      assertThat(assertThrows(IllegalArgumentException.class, () -> evaluation.outcome("Lin",
          threats, 4, test, results, 0)).getMessage()).isEqualTo("no result for " + first);
    }
  }

  @Test
  void radiiParseFractionsAndDecimalsAndPrintBack() {
    assertThat(AutoAttackReport.parseRadii("8/255,0.1")).usingTolerance(1e-12)
        .containsExactly(8 / 255.0, 0.1).inOrder();
    assertThat(AutoAttackReport.radius(8 / 255.0)).isEqualTo("8/255");
    assertThat(AutoAttackReport.radius(0.1)).isEqualTo("0.1");
    assertThat(AutoAttackReport.radius(0.5)).isEqualTo("0.5");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> AutoAttackReport.parseRadii("8/255,2")).getMessage())
        .isEqualTo("--epsilons: '2' is not a radius in (0, 1] (write e.g. 8/255 or 0.1)");
    assertThrows(IllegalArgumentException.class, () -> AutoAttackReport.parseRadii("a"));
  }
}
