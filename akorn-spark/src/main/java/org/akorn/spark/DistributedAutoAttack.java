package org.akorn.spark;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.AutoAttackEvaluation;
import org.akorn.runtime.eval.RobustAccuracy;
import org.akorn.runtime.eval.SquareAttack;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The AutoAttack-grade evaluation ({@link AutoAttackEvaluation}: robust accuracy per threat model,
 * attack set and radius, and the gradient-masking checks with the EOT curve) with every
 * measurement's batches spread over Spark tasks, one batch of one measurement per task. A batch's
 * attack seeds come from the settings' seed and the batch's first image alone, and the driver
 * combines the batches as the single-machine evaluation does, so the outcome equals {@link
 * AutoAttackEvaluation#run} with the same settings, threat models and model on one machine.
 *
 * <p>Executors keep their test split and models as {@link DistributedRobustness} does, and build
 * the threat models of {@link AutoAttackEvaluation#threatModels} from their own model. Batches
 * that collect gradients (every attack but Square) run one after another in an executor JVM.
 */
public final class DistributedAutoAttack {
  private DistributedAutoAttack() {}

  /** One task's work: the batch starting at image {@code from} of the measurement. */
  private record Work(int measurement, AutoAttackEvaluation.Measurement what, int from)
      implements Serializable {}

  /** One task's result. */
  private record Piece(int measurement, RobustAccuracy.Batch batch) implements Serializable {}

  /**
   * Runs the evaluation on {@code spark}'s executors. The driver builds one model of {@code
   * inputs} to learn the threat models and the classes.
   *
   * @param model the model's name in the rows
   * @param steps Kuramoto steps of every layer, or 0 for the trained ones
   * @param fixedSeed the seed of the fixed threat model's initial state
   * @throws IllegalArgumentException for an attack set the model's classes do not allow
   */
  public static AutoAttackEvaluation.Outcome run(SparkSession spark, EvaluationInputs inputs,
      AutoAttackEvaluation.Settings settings, int steps, long fixedSeed, String model)
      throws IOException {
    long start = System.nanoTime();
    AutoAttackEvaluation evaluation = evaluation(settings);
    Dataset test = inputs.testSplit();
    if (test.size() == 0) {
      throw new IllegalArgumentException("the test split " + test.source() + " has no images");
    }
    try (AkornModel driverModel = inputs.newModel();
        NDManager manager = NDManager.newBaseManager()) {
      List<AutoAttackEvaluation.ThreatModel> threats = AutoAttackEvaluation.threatModels(
          driverModel, options(steps), fixedSeed);
      int classes = AutoAttackEvaluation.classes(threats.get(0), test, manager);
      List<AutoAttackEvaluation.Measurement> plan = evaluation.plan(threats, classes, test);
      int examples = evaluation.examples(test);
      List<Work> work = new ArrayList<>();
      for (int i = 0; i < plan.size(); i++) {
        for (int from : RobustAccuracy.batchStarts(examples, settings.batchSize())) {
          work.add(new Work(i, plan.get(i), from));
        }
      }
      // The measurements with the most EOT draws cost the most, so they start first.
      work.sort(Comparator.comparingInt((Work w) -> -draws(w.what(), threats, settings)));
      Map<Integer, List<RobustAccuracy.Batch>> batches = new LinkedHashMap<>();
      for (int i = 0; i < plan.size(); i++) {
        batches.put(i, new ArrayList<>());
      }
      if (!work.isEmpty()) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Piece> pieces = context.parallelize(work, work.size())
            .map(w -> runBatch(inputs, settings, steps, fixedSeed, classes, w)).collect();
        for (Piece p : pieces) {
          batches.get(p.measurement()).add(p.batch());
        }
      }
      Map<AutoAttackEvaluation.Measurement, RobustAccuracy.Result> results =
          new LinkedHashMap<>();
      for (int i = 0; i < plan.size(); i++) {
        AutoAttackEvaluation.Measurement m = plan.get(i);
        results.put(m, RobustAccuracy.combine(evaluation.attacks(m, threats.get(m.threat()),
            classes), examples, settings.batchSize(), batches.get(i)));
      }
      return evaluation.outcome(model, threats, classes, test, results,
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static int draws(AutoAttackEvaluation.Measurement m,
      List<AutoAttackEvaluation.ThreatModel> threats, AutoAttackEvaluation.Settings settings) {
    if (m.eotDraws() > 0) {
      return m.eotDraws();
    }
    return threats.get(m.threat()).randomized() ? settings.budget().eotDraws() : 1;
  }

  private static Piece runBatch(EvaluationInputs inputs, AutoAttackEvaluation.Settings settings,
      int steps, long fixedSeed, int classes, Work work) throws IOException {
    return EvaluationExecutors.withModel(inputs, (model, test, manager) -> {
      AutoAttackEvaluation evaluation = evaluation(settings);
      AutoAttackEvaluation.ThreatModel threat = AutoAttackEvaluation.threatModels(model,
          options(steps), fixedSeed).get(work.what().threat());
      boolean gradients = evaluation.attacks(work.what(), threat, classes).stream()
          .anyMatch(a -> !(a instanceof SquareAttack));
      if (!gradients) {
        return new Piece(work.measurement(), evaluation.measureBatch(work.what(), threat,
            classes, test, work.from(), manager));
      }
      return EvaluationExecutors.collectingGradients(() -> new Piece(work.measurement(),
          evaluation.measureBatch(work.what(), threat, classes, test, work.from(), manager)));
    });
  }

  private static RunOptions options(int steps) {
    return steps > 0 ? RunOptions.defaults().withSteps(steps) : RunOptions.defaults();
  }

  private static AutoAttackEvaluation evaluation(AutoAttackEvaluation.Settings settings) {
    return new AutoAttackEvaluation(settings, new PrintWriter(Writer.nullWriter()), false);
  }
}
