package org.akorn.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.Classifier;
import org.akorn.runtime.eval.RobustnessSuite;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The robustness suite ({@link RobustnessSuite}: clean accuracy, ECE, Gaussian noise, FGSM, PGD)
 * with its batches spread over Spark tasks, one batch per task. A batch's initial states and noise
 * come from the suite's seed and the batch's first image alone, and the driver combines the
 * batches as the single-machine suite does, so the result equals {@link RobustnessSuite#run} with
 * the same settings on one machine.
 *
 * <p>Each executor JVM reads the test split once and builds one model per concurrently running
 * task, reused by its later tasks. DJL's PyTorch engine collects gradients for one thread of a
 * process at a time, so the attack batches of one JVM run one after another: give executors one
 * core each ({@code spark.executor.cores=1}) to run attacks in parallel.
 */
public final class DistributedRobustness {
  private DistributedRobustness() {}

  /** One task's work: the clean or the attack tests of the batch starting at {@code from}. */
  private record Work(boolean attack, int from) implements Serializable {}

  /**
   * Runs the suite on {@code spark}'s executors.
   *
   * @param steps Kuramoto steps of every layer, or 0 for the trained ones
   */
  public static RobustnessSuite.Result run(SparkSession spark, EvaluationInputs inputs,
      RobustnessSuite.Settings settings, int steps) throws IOException {
    long start = System.nanoTime();
    RobustnessSuite suite = suite(settings);
    Dataset test = inputs.testSplit();
    List<Work> work = new ArrayList<>();
    // Attack batches first: they cost the most, so they start first.
    for (int from : suite.batchStarts(suite.attackExamples(test))) {
      work.add(new Work(true, from));
    }
    for (int from : suite.batchStarts(suite.cleanExamples(test))) {
      work.add(new Work(false, from));
    }
    if (work.isEmpty()) {
      throw new IllegalArgumentException("the test split " + test.source() + " has no images");
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Object> outcomes = context.parallelize(work, work.size())
        .map(w -> runBatch(inputs, settings, steps, w)).collect();
    List<RobustnessSuite.CleanBatch> clean = new ArrayList<>();
    List<RobustnessSuite.AttackBatch> attacks = new ArrayList<>();
    for (Object o : outcomes) {
      if (o instanceof RobustnessSuite.CleanBatch c) {
        clean.add(c);
      } else {
        attacks.add((RobustnessSuite.AttackBatch) o);
      }
    }
    return suite.combine(test, clean, attacks, (System.nanoTime() - start) / 1e9);
  }

  private static Object runBatch(EvaluationInputs inputs, RobustnessSuite.Settings settings,
      int steps, Work work) throws IOException {
    return EvaluationExecutors.withModel(inputs, (model, test, manager) -> {
      RunOptions options = steps > 0 ? RunOptions.defaults().withSteps(steps)
          : RunOptions.defaults();
      Classifier classifier = Classifier.of(model, options);
      RobustnessSuite suite = suite(settings);
      if (!work.attack()) {
        return suite.cleanBatch(classifier, test, work.from(), manager);
      }
      return EvaluationExecutors.collectingGradients(
          () -> suite.attackBatch(classifier, test, work.from(), manager, n -> {}));
    });
  }

  private static RobustnessSuite suite(RobustnessSuite.Settings settings) {
    return new RobustnessSuite(settings, new PrintWriter(Writer.nullWriter()), false);
  }

  /** Closes and forgets every model and split of this JVM. */
  static void closeAll() {
    EvaluationExecutors.closeAll();
  }
}
