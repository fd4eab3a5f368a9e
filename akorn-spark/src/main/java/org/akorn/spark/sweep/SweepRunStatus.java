package org.akorn.spark.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.akorn.runtime.io.AtomicFiles;

/**
 * The state of one run folder of a sweep, in its {@code sweep-run.properties}, written atomically
 * at every change: {@code running} when an attempt starts, then {@code complete} or {@code
 * failed}. A folder whose file still says {@code running} after the sweep belongs to an attempt
 * that died without a word (its executor was lost, the job was stopped): it is incomplete, as a
 * failed one is.
 *
 * @param state running, complete or failed
 * @param attempt the attempt this state belongs to, from 0
 * @param attempts how many attempts the run may have
 * @param host the machine of the attempt
 * @param exitCode the training process's exit status, or -1 while running or when it never ended
 * @param message why the attempt failed, empty otherwise
 * @param seconds the attempt's wall time (0 while running)
 */
public record SweepRunStatus(State state, int attempt, int attempts, String host, int exitCode,
    String message, double seconds) implements Serializable {
  /** The file's name inside a run folder. */
  public static final String FILE = "sweep-run.properties";

  /** Where an attempt stands. */
  public enum State {
    RUNNING, COMPLETE, FAILED;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static SweepRunStatus running(int attempt, int attempts, String host) {
    return new SweepRunStatus(State.RUNNING, attempt, attempts, host, -1, "", 0);
  }

  /** Whether the run ended with a trained model. */
  public boolean complete() {
    return state == State.COMPLETE;
  }

  /** One line for the summary: {@code complete}, {@code failed: exit 3 on attempt 2 of 2: ...}. */
  public String describe() {
    return switch (state) {
      case COMPLETE -> "complete";
      case RUNNING -> String.format(Locale.ROOT, "incomplete: attempt %d of %d on %s never"
          + " finished", attempt + 1, attempts, host);
      case FAILED -> String.format(Locale.ROOT, "incomplete: attempt %d of %d failed on %s: %s",
          attempt + 1, attempts, host, message);
    };
  }

  /** Writes this state into {@code runDir} atomically. */
  public void writeTo(Path runDir) throws IOException {
    Properties p = new Properties();
    p.setProperty("state", state.key());
    p.setProperty("attempt", Integer.toString(attempt));
    p.setProperty("attempts", Integer.toString(attempts));
    p.setProperty("host", host);
    p.setProperty("exit", Integer.toString(exitCode));
    p.setProperty("message", message);
    p.setProperty("seconds", String.format(Locale.ROOT, "%.1f", seconds));
    StringWriter text = new StringWriter();
    p.store(text, "state of this run of an akorn sweep");
    AtomicFiles.writeString(runDir.resolve(FILE), text.toString());
  }

  /**
   * The state in {@code runDir}, or null when the folder has none (its run never started).
   *
   * @throws IOException when the file cannot be read or is not a state this class wrote
   */
  public static SweepRunStatus readFrom(Path runDir) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(runDir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return new SweepRunStatus(
          State.valueOf(p.getProperty("state", "").toUpperCase(Locale.ROOT)),
          Integer.parseInt(p.getProperty("attempt")), Integer.parseInt(p.getProperty("attempts")),
          p.getProperty("host", "?"), Integer.parseInt(p.getProperty("exit")),
          p.getProperty("message", ""), Double.parseDouble(p.getProperty("seconds")));
    } catch (RuntimeException e) {
      throw new IOException(runDir.resolve(FILE) + ": not a sweep run state (" + e + ")");
    }
  }
}
