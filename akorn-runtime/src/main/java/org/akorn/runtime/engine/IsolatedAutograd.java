package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a self-check on a thread of its own, with the engine's gradient mode switched on there only
 * and backward called directly: a check that starts inside a caller's training step (an open
 * {@code GradientCollector}, of which the engine allows one) neither fails nor disturbs it.
 */
final class IsolatedAutograd {
  private IsolatedAutograd() {}

  /** Runs {@code body} with a fresh manager on a dedicated thread and returns its result. */
  static <T> T run(String name, Function<NDManager, T> body) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                ai.djl.engine.Engine.getInstance(); // loads the natives before the first JNI call
                JniUtils.setGradMode(true);
                try (NDManager manager = NDManager.newBaseManager()) {
                  result.set(body.apply(manager));
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException(name + " failed: " + failure.get(), failure.get());
    }
    return result.get();
  }

  /** Back-propagates {@code upstream} from {@code output} (the gradient of {@code sum(output * upstream)}). */
  static void backward(NDArray output, NDArray upstream) {
    JniUtils.backward((PtNDArray) output, (PtNDArray) upstream, false, false);
  }
}
