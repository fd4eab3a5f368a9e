package org.akorn.spark.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A stand-in for {@code akorn train} in a sweep's own JVM: reads {@code -P} and {@code --out},
 * and writes a {@code run.properties} whose validation accuracy is {@code -P score}.
 * {@code -P fail=once} exits 3 while the run's state says attempt 0; {@code -P fail=always}
 * exits 4. {@code -P sleep=MS} prints a progress bar and waits. It also records what it inherited: PyTorch threads and DJL's offline flag.
 */
public final class FakeTrainer {
  private FakeTrainer() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> p = new LinkedHashMap<>();
    Path out = null;
    String data = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-P")) {
        String[] kv = args[++i].split("=", 2);
        p.put(kv[0], kv[1]);
      } else if (args[i].equals("--data")) {
        data = args[++i];
      } else if (args[i].equals("--out")) {
        out = Path.of(args[++i]);
      }
    }
    System.out.println("fake training " + p);
    if (p.containsKey("sleep")) {
      System.out.println("[######------------------]  25% step 7  0:01  loss 1.0");
      System.out.flush();
      try {
        Thread.sleep(Long.parseLong(p.get("sleep")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String fail = p.getOrDefault("fail", "never");
    if (fail.equals("always")) {
      System.out.println("fake failure");
      System.exit(4);
    }
    if (fail.equals("once")) {
      Properties state = new Properties();
      try (Reader in = Files.newBufferedReader(out.resolve(SweepRunStatus.FILE))) {
        state.load(in);
      }
      if (state.getProperty("attempt").equals("0")) {
        System.exit(3);
      }
    }
    double score = Double.parseDouble(p.getOrDefault("score", "0.5"));
    Properties run = new Properties();
    run.setProperty("validation.accuracy", Double.toString(score));
    run.setProperty("validation.accuracy.live", Double.toString(score - 0.01));
    run.setProperty("steps", "10");
    run.setProperty("train.seconds", "75");
    run.setProperty("threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
    run.setProperty("offline", String.valueOf(System.getProperty("ai.djl.offline")));
    run.setProperty("args", String.join(" ", args));
    run.setProperty("max.heap", Long.toString(Runtime.getRuntime().maxMemory()));
    Path folder = Path.of(data);
    if (Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        run.setProperty("data.files", String.join(",", files.map(f -> {
          try {
            return f.getFileName() + ":" + Files.readString(f);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).sorted().toList()));
      }
    }
    Files.createDirectories(out);
    try (Writer w = Files.newBufferedWriter(out.resolve("run.properties"))) {
      run.store(w, null);
    }
  }
}
