package org.akorn.spark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.akorn.runtime.AkornModel;
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
  private static final Map<String, Dataset> SPLITS = new ConcurrentHashMap<>();
  private static final Map<String, Queue<AkornModel>> MODELS = new ConcurrentHashMap<>();
  private static final Object GRADIENTS = new Object();

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
    Dataset test = SPLITS.computeIfAbsent(inputs.key(), k -> read(inputs));
    Queue<AkornModel> idle = MODELS.computeIfAbsent(inputs.key(),
        k -> new ConcurrentLinkedQueue<>());
    AkornModel model = idle.poll();
    if (model == null) {
      Engine.getEngine("PyTorch");
      JniUtils.setNumThreads(1);
      model = inputs.newModel();
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      RunOptions options = steps > 0 ? RunOptions.defaults().withSteps(steps)
          : RunOptions.defaults();
      Classifier classifier = Classifier.of(model, options);
      RobustnessSuite suite = suite(settings);
      if (!work.attack()) {
        return suite.cleanBatch(classifier, test, work.from(), manager);
      }
      // DJL's PyTorch engine allows one gradient collector per process at a time.
      synchronized (GRADIENTS) {
        return suite.attackBatch(classifier, test, work.from(), manager, n -> {});
      }
    } finally {
      idle.add(model);
    }
  }

  private static Dataset read(EvaluationInputs inputs) {
    try {
      return inputs.testSplit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RobustnessSuite suite(RobustnessSuite.Settings settings) {
    return new RobustnessSuite(settings, new PrintWriter(Writer.nullWriter()), false);
  }

  /** Closes and forgets every model and split of this JVM. */
  static void closeAll() {
    MODELS.values().forEach(q -> q.forEach(AkornModel::close));
    MODELS.clear();
    SPLITS.clear();
  }
}
