package org.akorn.spark;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.data.Dataset;

/**
 * What the distributed evaluations keep in an executor JVM: the test split of each {@link
 * EvaluationInputs} (read once) and a pool of its models (one per task running at once, reused by
 * later tasks), and the lock that lets one task of the JVM collect gradients at a time.
 */
final class EvaluationExecutors {
  private static final Map<String, Dataset> SPLITS = new ConcurrentHashMap<>();
  private static final Map<String, Queue<AkornModel>> MODELS = new ConcurrentHashMap<>();
  private static final Object GRADIENTS = new Object();

  private EvaluationExecutors() {}

  /** A task's work on a model of the pool, the test split and a manager freed after it. */
  @FunctionalInterface
  interface Work<T> {
    T run(AkornModel model, Dataset test, NDManager manager) throws IOException;
  }

  /**
   * Runs {@code work} with an idle model of {@code inputs} (a new one, with one PyTorch thread,
   * when none is idle), which goes back to the pool afterwards.
   */
  static <T> T withModel(EvaluationInputs inputs, Work<T> work) throws IOException {
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
      return work.run(model, test, manager);
    } finally {
      idle.add(model);
    }
  }

  /**
   * Runs {@code work}, which collects gradients, after every other task of this JVM that does:
   * DJL's PyTorch engine allows one gradient collector per process at a time.
   */
  static <T> T collectingGradients(Supplier<T> work) {
    synchronized (GRADIENTS) {
      return work.get();
    }
  }

  private static Dataset read(EvaluationInputs inputs) {
    try {
      return inputs.testSplit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes and forgets every model and split of this JVM. */
  static void closeAll() {
    MODELS.values().forEach(q -> q.forEach(AkornModel::close));
    MODELS.clear();
    SPLITS.clear();
  }
}
