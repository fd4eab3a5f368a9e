package org.akorn.runtime.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of a pass goes, per engine operation: PyTorch's profiler around the timed passes
 * ({@code akorn bench --profile DIR}), its Chrome trace kept, and the self time of each
 * operation (its duration less that of the operations it called) summed by name.
 */
public final class OpProfile {
  private OpProfile() {}

  /**
   * One operation's share.
   *
   * @param name the engine's operation name, e.g. {@code aten::bmm}
   * @param selfMs self time per pass, milliseconds
   * @param callsPerPass calls per pass
   */
  public record OpTime(String name, double selfMs, double callsPerPass) {}

  /** Starts the engine's profiler (CPU, with input shapes, no memory). */
  public static void start() {
    ai.djl.pytorch.jni.JniUtils.startProfile(false, true, false);
  }

  /**
   * Stops the profiler, writes its Chrome trace to {@code trace} and returns the operations (by
   * name and input shapes) by self time, largest first, divided by {@code passes}.
   *
   * <p>Profile one pass per session: within one long session of training passes the engine's
   * operations slow down pass after pass (measured: a Sudoku train step's batched products and
   * softmax took 1.2 ms per call in the first pass and 12 ms in the third).
   */
  public static List<OpTime> stop(Path trace, int passes) throws IOException {
    Path parent = trace.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ai.djl.pytorch.jni.JniUtils.stopProfile(trace.toString());
    return selfTimes(Files.readString(trace, StandardCharsets.UTF_8), passes, true);
  }

  /**
   * Self times from a Chrome trace's complete events ({@code "ph": "X"}), nested per thread by
   * their start and duration (microseconds), summed by name (and input shapes when {@code
   * byShape}) and divided by {@code passes}.
   */
  static List<OpTime> selfTimes(String chromeTrace, int passes, boolean byShape) {
    JsonElement root = JsonParser.parseString(chromeTrace);
    JsonArray events =
        root.isJsonArray()
            ? root.getAsJsonArray()
            : root.getAsJsonObject().getAsJsonArray("traceEvents");
    record Event(String name, String thread, double start, double duration) {
      double end() {
        return start + duration;
      }
    }
    List<Event> list = new ArrayList<>();
    for (JsonElement e : events) {
      JsonObject o = e.getAsJsonObject();
      if (!o.has("ph") || !"X".equals(o.get("ph").getAsString()) || !o.has("dur")) {
        continue;
      }
      String thread = (o.has("pid") ? o.get("pid").getAsString() : "") + "/"
          + (o.has("tid") ? o.get("tid").getAsString() : "");
      String name = o.get("name").getAsString();
      if (byShape && o.has("shape") && o.get("shape").isJsonArray()
          && !o.getAsJsonArray("shape").isEmpty()) {
        name = name + " " + o.get("shape").toString().replace("\"", "");
      }
      list.add(new Event(name, thread, o.get("ts").getAsDouble(),
          o.get("dur").getAsDouble()));
    }
    list.sort(Comparator.comparing(Event::thread).thenComparingDouble(Event::start)
        .thenComparing(Comparator.comparingDouble(Event::duration).reversed()));
    Map<String, double[]> byName = new HashMap<>(); // {self us, calls}
    Deque<Event> open = new ArrayDeque<>();
    Map<Event, Double> childTime = new IdentityHashMap<>(); // records with equal fields differ
    String thread = null;
    for (Event e : list) {
      if (!e.thread().equals(thread)) {
        open.clear();
        thread = e.thread();
      }
      while (!open.isEmpty() && open.peek().end() <= e.start()) {
        open.pop();
      }
      if (!open.isEmpty()) {
        childTime.merge(open.peek(), e.duration(), Double::sum);
      }
      open.push(e);
    }
    for (Event e : list) {
      double[] acc = byName.computeIfAbsent(e.name(), k -> new double[2]);
      acc[0] += e.duration() - childTime.getOrDefault(e, 0.0);
      acc[1] += 1;
    }
    List<OpTime> out = new ArrayList<>();
    byName.forEach(
        (name, acc) -> out.add(new OpTime(name, acc[0] / 1000.0 / passes, acc[1] / passes)));
    out.sort(Comparator.comparingDouble(OpTime::selfMs).reversed());
    return out;
  }

  /**
   * The mean of several profiled passes: self time and calls of each operation summed over the
   * passes and divided by their number, largest first. An operation missing from a pass counts as
   * zero there.
   */
  public static List<OpTime> mean(List<List<OpTime>> passes) {
    if (passes.isEmpty()) {
      throw new IllegalArgumentException("no profiled passes");
    }
    Map<String, double[]> sums = new HashMap<>(); // {self ms, calls}
    for (List<OpTime> pass : passes) {
      for (OpTime op : pass) {
        double[] acc = sums.computeIfAbsent(op.name(), k -> new double[2]);
        acc[0] += op.selfMs();
        acc[1] += op.callsPerPass();
      }
    }
    int n = passes.size();
    List<OpTime> out = new ArrayList<>();
    sums.forEach((name, acc) -> out.add(new OpTime(name, acc[0] / n, acc[1] / n)));
    out.sort(Comparator.comparingDouble(OpTime::selfMs).reversed());
    return out;
  }

  /** A table of the first {@code rows} operations with their share of {@code totalMs}. */
  public static List<String> table(List<OpTime> ops, int rows) {
    double total = ops.stream().mapToDouble(OpTime::selfMs).sum();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%10s %6s %8s  %s", "self ms", "%", "calls", "operation"));
    for (OpTime op : ops.subList(0, Math.min(rows, ops.size()))) {
      lines.add(String.format(Locale.ROOT, "%10.2f %6.1f %8.1f  %s", op.selfMs(),
          100 * op.selfMs() / total, op.callsPerPass(), op.name()));
    }
    lines.add(
        String.format(Locale.ROOT, "%10.2f %6s %8s  %s", total, "", "", "total (profiled ops)"));
    return lines;
  }
}
