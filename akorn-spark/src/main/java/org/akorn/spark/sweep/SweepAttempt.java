package org.akorn.spark.sweep;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.akorn.spark.HadoopFolders;

/**
 * One attempt at one run of a sweep, as a Spark task runs it: marks the run folder {@code
 * running}, trains in a new JVM (output to the folder's {@code train.log}), then marks it {@code
 * complete} or {@code failed}. A failed attempt that has attempts left throws, so that Spark runs
 * the task again; the last one records the failure and returns, so the job goes on with the other
 * runs. An interrupted task (a cancelled job) stops its training process.
 */
public final class SweepAttempt {
  /** The training's log inside its run folder; every attempt appends to it. */
  public static final String LOG = "train.log";
  /** System properties the training JVM inherits from the executor's. */
  private static final List<String> INHERITED = List.of("ai.djl.", "akorn.",
      "org.slf4j.simpleLogger.", "java.awt.headless");

  /** A failed attempt that Spark should run again. */
  public static final class FailedAttemptException extends RuntimeException {
    FailedAttemptException(String message) {
      super(message);
    }
  }

  private SweepAttempt() {}

  /**
   * Runs attempt {@code attempt} (from 0) of {@code run}.
   *
   * @return the run's state afterwards: complete, or failed on its last attempt
   * @throws FailedAttemptException when the attempt failed and attempts are left
   */
  public static SweepRunStatus run(SweepPlan plan, SweepConfiguration run, int attempt)
      throws IOException {
    Path dir = Path.of(plan.folder()).resolve(run.folder());
    Files.createDirectories(dir);
    clearEarlierAttempt(dir);
    String host = host();
    SweepRunStatus.running(attempt, plan.attempts(), host).writeTo(dir);
    List<String> command = command(plan, run, dir);
    Path log = dir.resolve(LOG);
    Files.writeString(log, String.format(Locale.ROOT, "== attempt %d of %d on %s: %s%n",
            attempt + 1, plan.attempts(), host, String.join(" ", command)),
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    long start = System.nanoTime();
    int exit;
    String message;
    boolean stopped = false;
    try {
      exit = train(command, log, plan.threadsPerTask());
      message = exit == 0 ? "" : "training exited with status " + exit + " (see " + LOG + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      exit = -1;
      message = "stopped: the Spark job was cancelled";
    } catch (IOException e) {
      exit = -1;
      message = "could not start the training JVM: " + e.getMessage();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    SweepRunStatus status = exit == 0
        ? new SweepRunStatus(SweepRunStatus.State.COMPLETE, attempt, plan.attempts(), host, 0, "",
            seconds)
        : new SweepRunStatus(SweepRunStatus.State.FAILED, attempt, plan.attempts(), host, exit,
            message, seconds);
    status.writeTo(dir);
    if (!status.complete() && (stopped || attempt + 1 < plan.attempts())) {
      throw new FailedAttemptException(run.folder() + ": " + status.describe());
    }
    return status;
  }

  /** The training command: the executor's java, class path and inherited options. */
  static List<String> command(SweepPlan plan, SweepConfiguration run, Path dir)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("--add-exports")) {
        command.add(a);
      }
    }
    for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
      String key = e.getKey().toString();
      if (INHERITED.stream().anyMatch(key::startsWith)) {
        command.add("-D" + key + "=" + e.getValue());
      }
    }
    command.addAll(plan.jvmOptions());
    command.add("-cp");
    command.add(classPath(plan.mainClass()));
    command.add(plan.mainClass());
    command.addAll(localData(plan.arguments()));
    command.addAll(run.overrideArguments());
    command.add("--out");
    command.add(dir.toString());
    return command;
  }

  /**
   * The arguments with a {@code --data} URI of Hadoop's file systems replaced by its local copy
   * ({@link HadoopFolders}: one per JVM).
   */
  private static List<String> localData(List<String> arguments) throws IOException {
    List<String> out = new ArrayList<>(arguments);
    for (int i = 0; i + 1 < out.size(); i++) {
      if (out.get(i).equals("--data") && HadoopFolders.isRemote(out.get(i + 1))) {
        out.set(i + 1, HadoopFolders.local(out.get(i + 1)).toString());
      }
    }
    return out;
  }

  /** The code source of {@code mainClass} (the application jar), then this JVM's class path. */
  private static String classPath(String mainClass) {
    Set<String> entries = new LinkedHashSet<>();
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(mainClass, false,
          loader != null ? loader : SweepAttempt.class.getClassLoader());
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null) {
        entries.add(Path.of(source.getLocation().toURI()).toString());
      }
    } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
      // Not visible here: the JVM's class path below must hold it.
    }
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static int train(List<String> command, Path log, int threads)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    Process process = builder.start();
    LiveTrainings.started(process);
    Thread copier = new Thread(() -> {
      try (InputStream in = process.getInputStream();
          OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
        new NativeNotices().copy(in, out);
      } catch (IOException e) {
        // The process was stopped, or the log cannot be written: its state says what happened.
      }
    }, "akorn-sweep-log");
    copier.setDaemon(true);
    copier.start();
    try {
      int exit = process.waitFor();
      copier.join(TimeUnit.SECONDS.toMillis(30));
      return exit;
    } catch (InterruptedException e) {
      LiveTrainings.stop(process);
      throw e;
    } finally {
      LiveTrainings.ended(process);
    }
  }

  /** Deletes what an earlier attempt left, except its log and state. */
  private static void clearEarlierAttempt(Path dir) throws IOException {
    List<Path> left;
    try (Stream<Path> files = Files.list(dir)) {
      left = files.filter(p -> !p.getFileName().toString().equals(LOG)
          && !p.getFileName().toString().equals(SweepRunStatus.FILE)).toList();
    }
    for (Path p : left) {
      try (Stream<Path> tree = Files.walk(p)) {
        for (Path q : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}
