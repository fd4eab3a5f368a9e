package org.akorn.spark.sweep;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.train.ProgressBar;

/**
 * The table of a sweep, read from its run folders: complete runs sorted by their validation
 * metric (EMA weights), best first, then the incomplete ones in grid order with what happened to
 * them. Written as {@code summary.md} (links to the run folders) and {@code summary.tsv}.
 */
public final class SweepSummary {
  /**
   * One run folder.
   *
   * @param metricKey the run.properties key of its metric: {@code validation.accuracy} or
   *     {@code validation.fgari}
   */
  public record Row(SweepConfiguration run, SweepRunStatus status, String metricKey,
      double metric, double liveMetric, long steps, double trainSeconds) {
    /** Whether the run trained to its end. */
    public boolean complete() {
      return status != null && status.complete();
    }

    String state() {
      return status == null ? "incomplete: never started" : status.describe();
    }

    /** {@code validation accuracy 84.50 % (EMA), 1285 steps}, or the state when incomplete. */
    public String result() {
      if (!complete()) {
        return state();
      }
      return metricName(metricKey) + " " + format(metricKey, metric) + " (EMA), " + steps
          + " steps";
    }
  }

  /** Reads one run folder. */
  public static Row row(Path folder, SweepConfiguration run) throws IOException {
    Path dir = folder.resolve(run.folder());
    SweepRunStatus status = SweepRunStatus.readFrom(dir);
    Properties p = status != null && status.complete() ? properties(dir.resolve("run.properties"))
        : new Properties();
    String key = p.containsKey("validation.fgari") ? "validation.fgari" : "validation.accuracy";
    return new Row(run, status, key, number(p, key), number(p, key + ".live"),
        (long) number(p, "steps", 0), number(p, "train.seconds"));
  }

  private final String title;
  private final String metricKey;
  private final String metricName;
  private final List<String> swept;
  private final List<Row> rows;

  private SweepSummary(String title, String metricKey, List<String> swept, List<Row> rows) {
    this.title = title;
    this.metricKey = metricKey;
    this.metricName = metricName(metricKey);
    this.swept = swept;
    this.rows = rows;
  }

  /**
   * Reads every run folder of {@code runs} under {@code folder}.
   *
   * @param title the first line, e.g. {@code Sweep of Tiny (tiny.akorn) on /data}
   */
  public static SweepSummary read(Path folder, String title, List<SweepConfiguration> runs)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    String metricKey = null;
    for (SweepConfiguration run : runs) {
      Row row = row(folder, run);
      if (row.complete() && metricKey == null) {
        metricKey = row.metricKey();
      }
      rows.add(row);
    }
    Comparator<Row> order = Comparator.comparing((Row r) -> !r.complete())
        .thenComparing(r -> Double.isNaN(r.metric()))
        .thenComparing(r -> -r.metric())
        .thenComparing(r -> r.run().index());
    rows.sort(order);
    List<String> swept = new ArrayList<>();
    if (!runs.isEmpty()) {
      for (String name : runs.get(0).parameters().keySet()) {
        if (runs.stream().map(r -> r.parameters().get(name)).distinct().count() > 1) {
          swept.add(name);
        }
      }
    }
    return new SweepSummary(title, metricKey == null ? "validation.accuracy" : metricKey, swept,
        rows);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Runs that did not train to their end. */
  public int incomplete() {
    return (int) rows.stream().filter(r -> !r.complete()).count();
  }

  /** The table in Markdown, each run named by a link to its folder. */
  public String markdown() {
    StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
    out.append(String.format(Locale.ROOT, "%d runs: %d complete, %d incomplete. Sorted by %s"
            + " (EMA weights), best first; incomplete runs last.%n%n", rows.size(),
        rows.size() - incomplete(), incomplete(), metricName));
    List<String> header = new ArrayList<>(List.of("rank", "run"));
    header.addAll(swept);
    header.addAll(List.of(metricName + " (EMA)", "live weights", "steps", "training time",
        "state"));
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (String h : header) {
      out.append(h.equals("run") || h.equals("state") ? "---|" : "---:|");
    }
    out.append('\n');
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      List<String> cells = new ArrayList<>();
      cells.add(r.complete() ? Integer.toString(i + 1) : "-");
      cells.add("[" + r.run().folder() + "](" + r.run().folder() + "/)");
      Map<String, String> values = r.run().parameters();
      swept.forEach(name -> cells.add(values.get(name)));
      cells.add(metric(r.metric()));
      cells.add(metric(r.liveMetric()));
      cells.add(r.complete() ? Long.toString(r.steps()) : "-");
      cells.add(Double.isNaN(r.trainSeconds()) ? "-" : ProgressBar.clock(r.trainSeconds()));
      cells.add(r.state().replace("|", "\\|"));
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    return out.toString();
  }

  /** The table as tab-separated values: one header line, one line per run, in rank order. */
  public String tsv() {
    List<String> header = new ArrayList<>(List.of("rank", "folder"));
    header.addAll(swept);
    header.addAll(List.of(metricName.replace(' ', '.'), "live", "steps", "train.seconds",
        "state"));
    StringBuilder out = new StringBuilder(String.join("\t", header)).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      List<String> cells = new ArrayList<>();
      cells.add(r.complete() ? Integer.toString(i + 1) : "");
      cells.add(r.run().folder());
      swept.forEach(name -> cells.add(r.run().parameters().get(name)));
      cells.add(Double.isNaN(r.metric()) ? "" : Double.toString(r.metric()));
      cells.add(Double.isNaN(r.liveMetric()) ? "" : Double.toString(r.liveMetric()));
      cells.add(r.complete() ? Long.toString(r.steps()) : "");
      cells.add(Double.isNaN(r.trainSeconds()) ? "" : Double.toString(r.trainSeconds()));
      cells.add(r.state().replace('\t', ' ').replace('\n', ' '));
      out.append(String.join("\t", cells)).append('\n');
    }
    return out.toString();
  }

  /** Writes {@code summary.md} and {@code summary.tsv} into the sweep's folder, atomically. */
  public void writeTo(Path folder) throws IOException {
    AtomicFiles.writeString(folder.resolve("summary.md"), markdown());
    AtomicFiles.writeString(folder.resolve("summary.tsv"), tsv());
  }

  private String metric(double v) {
    return format(metricKey, v);
  }

  private static String metricName(String key) {
    return key.equals("validation.fgari") ? "validation FG-ARI" : "validation accuracy";
  }

  private static String format(String key, double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return key.equals("validation.fgari") ? String.format(Locale.ROOT, "%.4f", v)
        : String.format(Locale.ROOT, "%.2f %%", 100 * v);
  }

  private static double number(Properties p, String key) {
    return number(p, key, Double.NaN);
  }

  private static double number(Properties p, String key, double missing) {
    String v = p.getProperty(key);
    if (v == null || v.equals("none")) {
      return missing;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return missing;
    }
  }

  private static Properties properties(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (NoSuchFileException e) {
      // A complete state without run.properties: the trainer wrote none; no metric to show.
    }
    return p;
  }
}
