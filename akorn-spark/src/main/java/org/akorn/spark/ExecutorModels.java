package org.akorn.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.ModelNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.akorn.runtime.djl.CheckpointModels;

/**
 * The models of this JVM (an executor, or the driver in local mode), one per checkpoint and class:
 * the first task that needs one loads it, every later task of the JVM shares it. Loading is
 * thread-safe; a failed load is not cached, so a retried task tries again.
 */
final class ExecutorModels {
  private static final Map<String, ScoringModel> MODELS = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  static ScoringModel get(ScoringSettings settings) {
    return MODELS.computeIfAbsent(settings.modelKey(), key -> load(settings));
  }

  private static ScoringModel load(ScoringSettings settings) {
    Engine.getEngine("PyTorch");
    // torch's intra-op pool is per process: threadsPerTask for each of the executor's cores.
    JniUtils.setNumThreads(settings.threadsPerTask());
    try {
      if (settings.models() != null) {
        return new ScoringModel(settings.models().newModel());
      }
      return new ScoringModel(CheckpointModels.load(
          CheckpointFiles.local(settings.checkpoint()), settings.modelClass()));
    } catch (IOException e) {
      throw new UncheckedIOException("checkpoint " + settings.checkpoint() + ": " + e.getMessage(),
          e);
    } catch (ModelNotFoundException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Closes and forgets every model of this JVM. */
  static void closeAll() {
    MODELS.values().forEach(ScoringModel::close);
    MODELS.clear();
  }
}
