package org.akorn.spark.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.akorn.runtime.train.ProgressBar;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;

/**
 * A hyper-parameter sweep as one Spark job: each configuration of the grid is one task, which
 * trains it in its own JVM into its run folder ({@link SweepAttempt}). The driver prints a line
 * as each task ends and, when the job is over, whether it succeeded or not, writes the summary
 * from the run folders ({@link SweepSummary}), so a run whose task died is listed as incomplete.
 */
public final class DistributedSweep {
  private static final String JOB_GROUP = "akorn-sweep";
  private static final long WAIT_SECONDS = 60;
  /** How often, by default, a line tells where the running runs stand. */
  public static final double PROGRESS_SECONDS = 60;

  private DistributedSweep() {}

  /**
   * Trains every configuration and writes {@code summary.md} and {@code summary.tsv}.
   *
   * @param plan where and how to train; its {@code attempts} should be {@link SparkAttempts#of}
   *     the session's configuration
   * @param title the summary's first line
   * @param log receives a line per finished task and one if the job stopped
   */
  public static SweepSummary run(SparkSession spark, SweepPlan plan, String title,
      List<SweepConfiguration> runs, PrintWriter log) throws IOException {
    return run(spark, plan, title, runs, runs, PROGRESS_SECONDS, log);
  }

  /**
   * Trains the runs of {@code toRun} (a resumed sweep: those not complete yet) and writes the
   * summary of all {@code runs}.
   *
   * @param progressSeconds how often a line tells where the running runs stand
   */
  public static SweepSummary run(SparkSession spark, SweepPlan plan, String title,
      List<SweepConfiguration> runs, List<SweepConfiguration> toRun, double progressSeconds,
      PrintWriter log) throws IOException {
    Path folder = Path.of(plan.folder());
    Files.createDirectories(folder);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    long start = System.nanoTime();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    SparkListener progress = new SparkListener() {
      @Override
      public void onTaskStart(SparkListenerTaskStart start) {
        running.incrementAndGet();
      }

      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        running.decrementAndGet();
        int partition = end.taskInfo().partitionId();
        if (partition < 0 || partition >= toRun.size()) {
          return;
        }
        SweepConfiguration run = toRun.get(partition);
        String state;
        try {
          SweepSummary.Row row = SweepSummary.row(folder, run);
          SweepRunStatus status = row.status();
          state = row.result();
          if (status != null && !status.complete() && !end.taskInfo().successful()
              && status.attempt() + 1 < status.attempts()) {
            state += "; Spark runs it again";
          }
        } catch (IOException e) {
          state = e.getMessage();
        }
        int done = end.taskInfo().successful() ? finished.incrementAndGet() : finished.get();
        synchronized (log) {
          log.printf(Locale.ROOT, "[%d/%d runs, %s] %s (%s): %s%n", done, toRun.size(),
              ProgressBar.clock((System.nanoTime() - start) / 1e9), run.folder(), run.describe(),
              state);
          log.flush();
        }
      }
    };
    spark.sparkContext().addSparkListener(progress);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "akorn-sweep-progress");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, Math.round(progressSeconds * 1000));
    ticker.scheduleAtFixedRate(() -> {
      List<String> where = RunningProgress.of(folder, toRun);
      if (!where.isEmpty()) {
        synchronized (log) {
          log.printf(Locale.ROOT, "[%d/%d runs, %s] running: %s%n", finished.get(), toRun.size(),
              ProgressBar.clock((System.nanoTime() - start) / 1e9), String.join(", ", where));
          log.flush();
        }
      }
    }, every, every, TimeUnit.MILLISECONDS);
    context.setJobGroup(JOB_GROUP, "akorn sweep of " + toRun.size() + " runs", true);
    try {
      context.parallelize(toRun, Math.max(1, toRun.size()))
          .map(run -> SweepAttempt.run(plan, run, TaskContext.get().attemptNumber()))
          .collect();
      // The listener hears of the last tasks after the job returns: wait for their lines.
      await(() -> finished.get() >= toRun.size());
    } catch (Exception e) {  // Spark rethrows its SparkException undeclared
      synchronized (log) {
        log.printf(Locale.ROOT, "the sweep's Spark job stopped: %s%n", firstLine(e));
        log.flush();
      }
      await(() -> running.get() <= 0);
    } finally {
      ticker.shutdownNow();
      context.clearJobGroup();
      spark.sparkContext().removeSparkListener(progress);
    }
    SweepSummary summary = SweepSummary.read(folder, title, runs);
    summary.writeTo(folder);
    return summary;
  }

  /**
   * Waits until {@code done} holds, at most {@link #WAIT_SECONDS}: for the listener's last
   * lines, or after a failed job for the tasks it cancelled to stop their training and record it.
   */
  private static void await(BooleanSupplier done) {
    long end = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
    try {
      while (!done.getAsBoolean() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
