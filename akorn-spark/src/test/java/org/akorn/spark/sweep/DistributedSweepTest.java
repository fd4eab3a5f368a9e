package org.akorn.spark.sweep;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.akorn.spark.AkornTestFileSystem;
import org.akorn.spark.HadoopFolders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep in Spark local mode with two cores and two attempts per task, each run trained by
 * {@link FakeTrainer} in its own JVM: a run that fails once is retried and completes, a run that
 * always fails is marked incomplete without stopping the others, and the summary ranks the rest.
 */
class DistributedSweepTest {
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2,2]").appName("akorn-sweep-test")
        .config("spark.ui.enabled", "false")
        .config("spark.hadoop.fs.akorntest.impl", AkornTestFileSystem.class.getName())
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private SweepPlan plan(int attempts) {
    return new SweepPlan(dir.toAbsolutePath().toString(), FakeTrainer.class.getName(),
        List.of("train", "model.akorn", "--data", "/data"), List.of("-Xmx64m"), 1, attempts);
  }

  private static Properties properties(Path file) throws Exception {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void retriesAFailedAttemptAndMarksARunThatAlwaysFailsIncomplete() throws Exception {
    assertThat(SparkAttempts.of(spark.sparkContext().getConf())).isEqualTo(2);
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("score=0.5,0.8",
        "fail=never,once,always"));
    StringWriter log = new StringWriter();
    SweepSummary summary = DistributedSweep.run(spark, plan(2), "Sweep of Fake", grid,
        new PrintWriter(log));

    assertThat(summary.rows().stream().map(r -> r.run().folder()).toList()).containsExactly(
        "run-4-score=0.8-fail=never", "run-5-score=0.8-fail=once", "run-1-score=0.5-fail=never",
        "run-2-score=0.5-fail=once", "run-3-score=0.5-fail=always",
        "run-6-score=0.8-fail=always").inOrder();
    assertThat(summary.incomplete()).isEqualTo(2);
    SweepRunStatus retried = SweepRunStatus.readFrom(dir.resolve("run-5-score=0.8-fail=once"));
    assertThat(retried.complete()).isTrue();
    assertThat(retried.attempt()).isEqualTo(1);
    SweepRunStatus first = SweepRunStatus.readFrom(dir.resolve("run-4-score=0.8-fail=never"));
    assertThat(first.attempt()).isEqualTo(0);
    SweepRunStatus failed = SweepRunStatus.readFrom(dir.resolve("run-6-score=0.8-fail=always"));
    assertThat(failed.state()).isEqualTo(SweepRunStatus.State.FAILED);
    assertThat(failed.exitCode()).isEqualTo(4);
    assertThat(failed.describe()).endsWith(
        "training exited with status 4 (see train.log)");
    assertThat(failed.describe()).startsWith("incomplete: attempt 2 of 2 failed on ");

    // The retried run's log holds both attempts; its folder has only the second's results.
    String retriedLog = Files.readString(dir.resolve("run-5-score=0.8-fail=once/train.log"));
    assertThat(retriedLog).contains("== attempt 1 of 2 on ");
    assertThat(retriedLog).contains("== attempt 2 of 2 on ");
    assertThat(Files.readString(dir.resolve("run-6-score=0.8-fail=always/train.log")))
        .contains("fake failure");

    // The training JVM got the overrides, its folder, one PyTorch thread and DJL's offline flag.
    Properties run = properties(dir.resolve("run-1-score=0.5-fail=never/run.properties"));
    assertThat(run.getProperty("args")).isEqualTo("train model.akorn --data /data -P score=0.5"
        + " -P fail=never --out " + dir.toAbsolutePath().resolve("run-1-score=0.5-fail=never"));
    assertThat(run.getProperty("threads")).isEqualTo("1");
    assertThat(run.getProperty("offline")).isEqualTo("true");
    // The plan's JVM options (-Xmx64m) reach the training JVM.
    assertThat(Long.parseLong(run.getProperty("max.heap"))).isAtMost(64L << 20);

    String md = Files.readString(dir.resolve("summary.md"));
    assertThat(md).contains("6 runs: 4 complete, 2 incomplete.");
    assertThat(md).contains("| 1 | [run-4-score=0.8-fail=never](run-4-score=0.8-fail=never/)"
        + " | 0.8 | never | 80.00 % | 79.00 % | 10 | 1:15 | complete |");
    assertThat(md).contains("| - | [run-3-score=0.5-fail=always](run-3-score=0.5-fail=always/)"
        + " | 0.5 | always | - | - | - | - | incomplete: attempt 2 of 2 failed on ");
    assertThat(Files.exists(dir.resolve("summary.tsv"))).isTrue();
    assertThat(log.toString()).doesNotContain("the sweep's Spark job stopped");
    assertThat(log.toString()).containsMatch("\\[[1-6]/6 runs, 0:0[0-9]\\] run-4-score=0.8-fail=never"
        + " \\(score=0.8, fail=never\\): validation accuracy 80.00 % \\(EMA\\), 10 steps\n");
    assertThat(log.toString()).contains(" run-5-score=0.8-fail=once (score=0.8, fail=once):"
        + " incomplete: attempt 1 of 2 failed on ");
    assertThat(log.toString()).contains("training exited with status 3 (see train.log); Spark"
        + " runs it again\n");
  }

  @Test
  void aDataFolderOfAnotherFileSystemIsCopiedToTheExecutorAndTrainedFromThere() throws Exception {
    Path data = Files.createDirectories(dir.resolve("remote-data"));
    Files.writeString(data.resolve("train.csv"), "a,b");
    String uri = "akorntest://" + data.toAbsolutePath();
    SweepPlan plan = new SweepPlan(dir.resolve("sweep").toAbsolutePath().toString(),
        FakeTrainer.class.getName(), List.of("train", "model.akorn", "--data", uri), List.of(),
        1, 1);
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("score=0.3"));
    DistributedSweep.run(spark, plan, "Sweep of Fake", grid, new PrintWriter(new StringWriter()));
    Properties run = properties(dir.resolve("sweep/run-1/run.properties"));
    String local = run.getProperty("args").split(" ")[3];
    assertThat(local).isNotEqualTo(uri);
    assertThat(local).isEqualTo(HadoopFolders.local(uri).toString());
    assertThat(run.getProperty("data.files")).isEqualTo("train.csv:a,b");
  }

  @Test
  void linesTellWhereTheRunningRunsStand() throws Exception {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("sleep=2500", "score=0.1,0.2"));
    StringWriter log = new StringWriter();
    DistributedSweep.run(spark, plan(2), "Sweep of Fake", grid, grid, 0.4, new PrintWriter(log));
    // Each run waits 2.5 s after its bar, and a line comes every 0.4 s.
    assertThat(log.toString()).containsMatch("\\[[01]/2 runs, 0:0[0-9]\\] running: (.*, )?"
        + "run-1-score=0.1 25% step 7");
    assertThat(log.toString()).containsMatch("\\[[01]/2 runs, 0:0[0-9]\\] running: (.*, )?"
        + "run-2-score=0.2 25% step 7");
  }

  @Test
  void theLastProgressBarOfALogIsRead() throws Exception {
    Path log = dir.resolve("train.log");
    Files.writeString(log, "== attempt 1\ntraining X\n[#-----]   1% step 1  0:01  loss 2.3\n"
        + "[###---]  50% step 733  0:30  loss 0.53\n  step 733 (0:30): validation\n");
    assertThat(RunningProgress.lastProgress(log)).isEqualTo("50% step 733");
    Files.writeString(log, "== attempt 1\n");
    assertThat(RunningProgress.lastProgress(log)).isNull();
    assertThat(RunningProgress.lastProgress(dir.resolve("none.log"))).isNull();
  }

  @Test
  void aJobThatSparkGivesUpOnStillLeavesASummary() throws Exception {
    // Three attempts planned, two allowed: the task's second failure ends the job.
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("fail=always"));
    StringWriter log = new StringWriter();
    SweepSummary summary = DistributedSweep.run(spark, plan(3), "Sweep of Fake", grid,
        new PrintWriter(log));
    assertThat(log.toString()).contains("the sweep's Spark job stopped: Job aborted due to stage"
        + " failure");
    assertThat(summary.incomplete()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("summary.md"))).contains(
        "| - | [run-1](run-1/) | - | - | - | - | incomplete: attempt 2 of 3 failed on ");
  }
}
