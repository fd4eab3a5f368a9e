package org.akorn.spark.sweep;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the shutdown hook runs: every live training and the processes it started stop. */
class LiveTrainingsTest {
  @Test
  void stopAllEndsEveryTrainingAndItsChildren() throws Exception {
    // A stand-in training that starts a child of its own, as a JVM's helpers would.
    Process training = new ProcessBuilder(List.of("bash", "-c", "sleep 60 & wait")).start();
    LiveTrainings.started(training);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (training.descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<ProcessHandle> children = training.descendants().toList();
    assertThat(children).isNotEmpty();
    assertThat(LiveTrainings.count()).isEqualTo(1);

    LiveTrainings.stopAll();

    assertThat(training.isAlive()).isFalse();
    for (ProcessHandle child : children) {
      child.onExit().get(10, TimeUnit.SECONDS);
      assertThat(child.isAlive()).isFalse();
    }
    assertThat(LiveTrainings.count()).isEqualTo(0);
  }

  @Test
  void aTrainingThatEndedIsForgotten() throws Exception {
    Process quick = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-version")).start();
    LiveTrainings.started(quick);
    quick.waitFor();
    LiveTrainings.ended(quick);
    assertThat(LiveTrainings.count()).isEqualTo(0);
  }
}
