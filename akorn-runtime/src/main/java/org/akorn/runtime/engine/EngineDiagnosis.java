package org.akorn.runtime.engine;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code akorn doctor} prints: the Java, DJL, PyTorch and native library versions, the
 * device and thread counts, the CPU, and the engine self-check with the path chosen. Reading
 * {@code /proc/cpuinfo} and sysfs is best-effort: where they are absent the line says so.
 */
public final class EngineDiagnosis {
  private final Map<String, String> facts;
  private final EngineReport report;

  private EngineDiagnosis(Map<String, String> facts, EngineReport report) {
    this.facts = facts;
    this.report = report;
  }

  /** Starts the engine if needed, runs (or reuses) the self-check and collects the facts. */
  public static EngineDiagnosis collect() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
        + ", " + System.getProperty("java.home") + ")");
    f.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    Engine engine = Engine.getInstance();
    f.put("djl", Engine.getDjlVersion());
    f.put("engine", engine.getEngineName() + " " + engine.getVersion());
    f.put("native library", nativeLibrary());
    f.put("device", engine.defaultDevice() + " (GPUs: " + engine.getGpuCount() + ")");
    if ("PyTorch".equals(engine.getEngineName())) {
      f.put("threads", "intra-op " + ai.djl.pytorch.jni.JniUtils.getNumThreads() + ", inter-op "
          + ai.djl.pytorch.jni.JniUtils.getNumInteropThreads() + ", processors "
          + Runtime.getRuntime().availableProcessors());
    }
    Map<String, String> cpu = cpuInfo(Path.of("/proc/cpuinfo"));
    f.put("cpu", cpu.getOrDefault("model name", "unknown")
        + " (vendor " + cpu.getOrDefault("vendor_id", "?") + ", family "
        + cpu.getOrDefault("cpu family", "?") + ", model " + cpu.getOrDefault("model", "?") + ")");
    f.put("cpu flags", cpu.getOrDefault("flags", "unknown"));
    f.put("cpu cache info in sysfs",
        Files.isDirectory(Path.of("/sys/devices/system/cpu/cpu0/cache")) ? "present" : "absent");
    return new EngineDiagnosis(f, EngineChecks.report());
  }

  /** The facts, in print order. */
  public Map<String, String> facts() {
    return facts;
  }

  public EngineReport report() {
    return report;
  }

  /** Every line {@code akorn doctor} prints. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    facts.forEach((k, v) -> out.add(k + ": " + v));
    out.add("self-check (" + report.millis() + " ms, against double-precision loops):");
    for (CheckResult r : report.engine()) {
      out.add("  engine " + r);
    }
    out.add("convolution plans of the check shapes (each geometry verified where it runs):");
    for (ConvolutionPlan p : report.plans()) {
      out.add("  " + p);
    }
    for (NoRightConvolutionException e : report.unplannable()) {
      out.add("  " + e.getMessage());
    }
    if (report.forced() != null) {
      out.add("convolution path: " + report.forced().description()
          + " for every convolution, unverified (forced by -D" + EngineChecks.PATH_PROPERTY
          + " or a test)");
    }
    out.add(report.healthy()
        ? "result: every check right on the paths in use"
        : "result: WRONG results on this machine with no exact detour; do not trust this engine here");
    return out;
  }

  private static String nativeLibrary() {
    try (InputStream in =
        EngineDiagnosis.class.getResourceAsStream("/native/lib/pytorch.properties")) {
      if (in == null) {
        return "unknown (no native/lib/pytorch.properties on the class path)";
      }
      Properties p = new Properties();
      p.load(in);
      return "pytorch-native-" + p.getProperty("flavor", "?") + " " + p.getProperty("version", "?")
          + " " + p.getProperty("classifier", "?");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** The first processor's fields of a {@code /proc/cpuinfo}-format file; empty when unreadable. */
  static Map<String, String> cpuInfo(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          if (!out.isEmpty()) {
            break;
          }
          continue;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          out.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      out.clear();
    }
    return out;
  }
}
