package org.akorn.spark.sweep;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The training processes this JVM has started and not yet seen end. When the JVM shuts down (the
 * user stops {@code akorn sweep}, or Spark stops an executor), a shutdown hook stops them and
 * their children, so no training goes on writing into a sweep nobody waits for. A JVM killed
 * outright (SIGKILL) runs no hook: its trainings end with their own time budget.
 */
final class LiveTrainings {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static final Thread HOOK = new Thread(LiveTrainings::stopAll, "akorn-sweep-stop");

  static {
    Runtime.getRuntime().addShutdownHook(HOOK);
  }

  private LiveTrainings() {}

  static void started(Process process) {
    LIVE.add(process);
  }

  static void ended(Process process) {
    LIVE.remove(process);
  }

  /** How many trainings are running. */
  static int count() {
    return LIVE.size();
  }

  /** Stops every live training and its children, waiting up to 10 seconds for them. */
  static void stopAll() {
    for (Process p : Set.copyOf(LIVE)) {
      stop(p);
    }
  }

  /** Stops one training and its children. */
  static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LIVE.remove(process);
  }
}
