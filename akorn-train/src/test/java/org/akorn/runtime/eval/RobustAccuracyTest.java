package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.junit.jupiter.api.Test;

/** AutoAttack's counting, the attack sets and budgets, and the gradient-masking checks. */
class RobustAccuracyTest {
  private static final double[] TARGETS = {0.02, 0.03, 0.045, 0.06, 0.08, 0.1};

  /** Class 1 when the first pixel exceeds 0.5: logits (0.5 - x0, x0 - 0.5) * 10. */
  private static Classifier threshold(NDManager m) {
    NDArray w = m.create(new float[] {-10f, 10f}, new Shape(1, 2));
    NDArray b = m.create(new float[] {5f, -5f});
    return (x, seed) -> x.reshape(x.getShape().get(0), -1).get(":, 0:1").matMul(w).add(b);
  }

  /**
   * Five images of 2 pixels: two far from the border, two within 8/255 of it, and one whose label
   * is wrong even clean.
   */
  private static Dataset data() {
    float[] pixels = {0.1f, 0.3f, 0.9f, 0.6f, 0.49f, 0.2f, 0.52f, 0.7f, 0.8f, 0.1f};
    return new Dataset("t", List.of(new Column("image", new Shape(1, 1, 2), DataType.FLOAT32,
        pixels)), new Column("label", new Shape(), DataType.INT64,
            new float[] {0, 1, 0, 1, 0}));
  }

  @Test
  void anExampleIsRobustOnlyIfCleanRightAndEveryAttackFails() {
    AttackBudget budget = new AttackBudget(10, 1, 200, 1, 9);
    List<Attack> attacks = List.of(Apgd.untargeted(Apgd.Loss.CE, Apgd.Settings.of(10, 1, 1)),
        new SquareAttack(200, 0.8));
    try (NDManager m = NDManager.newBaseManager()) {
      int[] done = {0};
      RobustAccuracy.Result r = RobustAccuracy.of(threshold(m), data(), 5, 2, attacks, 8 / 255f,
          0, m, n -> done[0] = n);
      // Clean: 4 of 5 right (0.8 is labelled 0). APGD-CE flips 0.49 and 0.52 (within 8/255 of
      // 0.5); Square has nothing left to flip among 0.1 and 0.9.
      assertThat(r.examples()).isEqualTo(5);
      assertThat(r.clean()).isEqualTo(4);
      assertThat(r.robustAfter()).asList().containsExactly(2, 2).inOrder();
      assertThat(r.accuracy()).isWithin(1e-12).of(0.4);
      assertThat(r.attacks()).containsExactly("APGD-CE", "Square").inOrder();
      assertThat(done[0]).isEqualTo(5);
      // Square alone finds the same two.
      RobustAccuracy.Result square = RobustAccuracy.of(threshold(m), data(), 5, 5,
          AttackSets.of("square", budget, 2, false), 8 / 255f, 0, m, n -> {});
      assertThat(square.robustAfter()).asList().containsExactly(2);
    }
  }

  private static int openArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }

  @Test
  void everyAttackSetLeavesNoNativeArraysBehind() {
    AttackBudget budget = new AttackBudget(3, 2, 20, 1, 9);
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(11);
      float[] x = LinearProblems.images(w, TARGETS, 12);
      int[] labels = LinearProblems.labels(w, x);
      Classifier c = LinearProblems.threeClasses(m, w);
      NDArray input = LinearProblems.batch(m, x);
      for (String set : List.of("autoattack-rand", "autoattack-standard", "fgsm", "pgd")) {
        List<Attack> attacks = AttackSets.of(set, budget, 3, true);
        RobustAccuracy.of(c, input, labels, attacks, 0.05f, 0);
        int before = openArrays();
        RobustAccuracy.of(c, input, labels, attacks, 0.05f, 0);
        assertThat(openArrays()).isEqualTo(before);
      }
    }
  }

  @Test
  void budgetsParseNamedChangesAndRejectBadOnesInOneLine() {
    assertThat(AttackBudget.published().describe())
        .isEqualTo("100 iterations, EOT 20, 5000 queries, 1 restart(s), 9 target classes");
    assertThat(AttackBudget.published().isPublished()).isTrue();
    AttackBudget b = AttackBudget.parse("iterations=20, eot=4,queries=500");
    assertThat(b).isEqualTo(new AttackBudget(20, 4, 500, 1, 9));
    assertThat(b.isPublished()).isFalse();
    assertThat(AttackBudget.parse(" published").isPublished()).isTrue();
    assertThat(assertThrows(IllegalArgumentException.class, () -> AttackBudget.parse("steps=3"))
        .getMessage()).isEqualTo("--budget: unknown key 'steps' (keys: iterations, eot, queries,"
            + " restarts, targets)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> AttackBudget.parse("eot=x"))
        .getMessage()).isEqualTo("--budget: eot needs a whole number, got 'x'");
    assertThrows(IllegalArgumentException.class, () -> AttackBudget.parse("eot=0"));
  }

  @Test
  void attackSetsFollowAutoAttacksVersions() {
    AttackBudget b = AttackBudget.parse("iterations=50,eot=8,queries=300");
    List<Attack> rand = AttackSets.of("autoattack-rand", b, 10, true);
    assertThat(rand.stream().map(Attack::name).toList()).containsExactly("APGD-CE", "APGD-DLR")
        .inOrder();
    assertThat(rand.get(0).settings())
        .isEqualTo("50 iterations, 1 restart(s), EOT 8, momentum 0.75, rho 0.75");
    List<Attack> standard = AttackSets.of("autoattack-standard", b, 10, false);
    assertThat(standard.stream().map(Attack::name).toList())
        .containsExactly("APGD-CE", "APGD-T", "Square").inOrder();
    assertThat(standard.get(0).settings()).contains("EOT 1,");
    assertThat(standard.get(1).settings()).endsWith("9 target classes");
    assertThat(standard.get(2).settings()).isEqualTo("300 queries, p_init 0.8, margin loss");
    assertThat(AttackSets.of("apgd-t", b, 5, false).get(0).settings())
        .endsWith("4 target classes");
    assertThat(AttackSets.of("pgd", b, 10, true).get(0).settings())
        .isEqualTo("20 steps of epsilon / 4 from the clean image, EOT 8");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> AttackSets.of("autoattack", b, 10, true)).getMessage())
        .isEqualTo("unknown attack set 'autoattack'; known: autoattack-rand, autoattack-standard,"
            + " apgd-ce, apgd-dlr, apgd-t, square, fgsm, pgd");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> AttackSets.of("apgd-dlr", b, 2, true)).getMessage())
        .isEqualTo("APGD-DLR needs at least 3 classes, the model has 2");
    // Too few classes to rank: the sets drop to the DLR losses they can use.
    assertThat(AttackSets.of("autoattack-standard", b, 3, false).stream().map(Attack::name)
        .toList()).containsExactly("APGD-CE", "APGD-DLR", "Square").inOrder();
    assertThat(AttackSets.of("autoattack-standard", b, 2, false).stream().map(Attack::name)
        .toList()).containsExactly("APGD-CE", "Square").inOrder();
    assertThat(AttackSets.of("autoattack-rand", b, 2, true).stream().map(Attack::name)
        .toList()).containsExactly("APGD-CE");
  }

  /**
   * A gradient-masked model: the three-class linear model on its input rounded to multiples of
   * 1/8. Rounding has a zero gradient, so APGD never moves past its random start, while Square,
   * which only reads the logits, finds the corners that flip the class.
   */
  @Test
  void aModelThatQuantizesItsInputFailsTheWhiteBoxAgainstBlackBoxCheck() {
    try (NDManager m = NDManager.newBaseManager()) {
      double[] w = LinearProblems.weights(11);
      float[] x = LinearProblems.images(w, TARGETS, 12);
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.round(x[i] * 8) / 8f;
      }
      int[] labels = LinearProblems.labels(w, x);
      Classifier linear = LinearProblems.threeClasses(m, w);
      Classifier masked = (in, seed) -> linear.logits(in.mul(8f).round().div(8f), seed);
      NDArray input = LinearProblems.batch(m, x);
      AttackBudget budget = new AttackBudget(20, 1, 1000, 1, 9);
      float eps = 0.1f;
      // The gradient through the rounding is zero everywhere.
      NDArray g = InputGradients.ofLoss(masked, AttackLoss::crossEntropy, input,
          m.create(Apgd.toLong(labels)), 0, 1).gradient();
      assertThat(g.abs().max().getFloat()).isEqualTo(0f);
      MaskingChecks.Check maskedCheck = whiteAgainstBlack(masked, input, labels, budget, eps);
      assertThat(maskedCheck.passed()).isFalse();
      assertThat(maskedCheck.line()).startsWith("- FAIL white-box at least as strong as"
          + " black-box (Square): autoattack-rand ");
      assertThat(maskedCheck.line()).endsWith(", Square 0.0 %");
      // The same model without the rounding passes: APGD finds what Square finds.
      MaskingChecks.Check plain = whiteAgainstBlack(linear, input, labels, budget, eps);
      assertThat(plain.passed()).isTrue();
    }
  }

  private static MaskingChecks.Check whiteAgainstBlack(Classifier c, NDArray x, int[] labels,
      AttackBudget budget, float eps) {
    double white = RobustAccuracy.of(c, x, labels,
        AttackSets.of("autoattack-rand", budget, 3, false), eps, 0).accuracy();
    double black = RobustAccuracy.of(c, x, labels, AttackSets.of("square", budget, 3, false),
        eps, 0).accuracy();
    return MaskingChecks.whiteBoxBeatsBlackBox("autoattack-rand", white, black);
  }

  @Test
  void checksStateTheirNumbers() {
    assertThat(MaskingChecks.iterativeBeatsSingleStep("APGD-CE", 0.1, 0.3).line())
        .isEqualTo("- PASS iterative attacks at least as strong as single-step ones: APGD-CE"
            + " 10.0 %, FGSM 30.0 %");
    assertThat(MaskingChecks.iterativeBeatsSingleStep("APGD-CE", 0.4, 0.3).passed()).isFalse();
    assertThat(MaskingChecks.fallsTowardZero(0.5, 0.12, 0.1).line())
        .isEqualTo("- FAIL accuracy falls toward 0 as epsilon grows: 12.0 % at epsilon 0.5, at"
            + " most 10.0 % allowed (the largest class share)");
    MaskingChecks.Check rise = MaskingChecks.doesNotRise("APGD-CE",
        new double[] {8 / 255.0, 0.1, 0.25}, new double[] {0.5, 0.2, 0.25});
    assertThat(rise.passed()).isFalse();
    assertThat(rise.numbers()).isEqualTo("APGD-CE 50.0 % at 0.03137, 20.0 % at 0.1000, 25.0 %"
        + " at 0.2500");
    assertThat(MaskingChecks.doesNotRise("APGD-CE", new double[] {0.1, 0.25},
        new double[] {0.2, 0.2}).passed()).isTrue();
    MaskingChecks.Check eot = MaskingChecks.eotConverged(new int[] {1, 4, 16},
        new double[] {0.3, 0.5, 0.51}, 0.02);
    assertThat(eot.line()).isEqualTo("- PASS attack success converged in the EOT draws: APGD-CE"
        + " success 30.0 % at K = 1, 50.0 % at K = 4, 51.0 % at K = 16 (rise allowed from K = 4"
        + " to 16: 2.0 %)");
    assertThat(MaskingChecks.eotConverged(new int[] {1, 4, 16}, new double[] {0.3, 0.5, 0.6},
        0.02).passed()).isFalse();
  }
}
