package org.akorn.runtime.checkpoint;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

/** Reads and writes {@code checkpoint.properties} (sorted keys, no timestamp). */
final class MetadataCodec {

  static final String ENTRY = "checkpoint.properties";
  static final String FORMAT = "akorn-checkpoint";
  static final int VERSION = 1;
  private static final String HP = "hp.";
  private static final String SOURCE_MAIN = "source.main";
  private static final String SOURCE_FILE = "source.file.";
  private static final String OVERRIDE = "source.override.";
  private static final String ADAM = "adam";
  private static final String NONE = "none";

  private MetadataCodec() {}

  static byte[] encode(
      CheckpointMetadata meta, boolean hasEma, boolean hasOptimizer, int weightCount) {
    TreeMap<String, String> keys = new TreeMap<>();
    keys.put("format", FORMAT);
    keys.put("format.version", Integer.toString(VERSION));
    keys.put("architecture", meta.architecture());
    keys.put("step", Long.toString(meta.step()));
    keys.put("ema", Boolean.toString(hasEma));
    keys.put("optimizer", hasOptimizer ? ADAM : NONE);
    keys.put("weights.count", Integer.toString(weightCount));
    meta.hyperParameters().forEach((k, v) -> keys.put(HP + k, v));
    if (meta.source() != null) {
      keys.put(SOURCE_MAIN, meta.source().mainFile());
      meta.source().files().forEach((k, v) -> keys.put(SOURCE_FILE + k, v));
      meta.source().overrides().forEach((k, v) -> keys.put(OVERRIDE + k, v));
    }
    StringBuilder out = new StringBuilder("# AKOrN checkpoint metadata\n");
    keys.forEach((k, v) -> out.append(escape(k, true)).append('=').append(escape(v, false))
        .append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The parsed entry: metadata plus the format-level keys. */
  record Decoded(
      CheckpointMetadata metadata, boolean hasEma, boolean hasOptimizer, int weightCount) {}

  static Decoded decode(Path file, byte[] bytes) throws InvalidCheckpointException {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IOException | IllegalArgumentException e) {
      throw CheckpointArchive.corrupt(file, ENTRY + " is malformed: " + e.getMessage());
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new InvalidCheckpointException("checkpoint " + file + " is not an AKOrN checkpoint"
          + " (format=" + p.getProperty("format") + ")");
    }
    String version = p.getProperty("format.version");
    if (!Integer.toString(VERSION).equals(version)) {
      throw new InvalidCheckpointException("checkpoint " + file + " has format version " + version
          + "; this runtime reads version " + VERSION);
    }
    TreeMap<String, String> hyper = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(HP)) {
        hyper.put(key.substring(HP.length()), p.getProperty(key));
      }
    }
    TreeMap<String, String> files = new TreeMap<>();
    TreeMap<String, String> overrides = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(SOURCE_FILE)) {
        files.put(key.substring(SOURCE_FILE.length()), p.getProperty(key));
      } else if (key.startsWith(OVERRIDE)) {
        overrides.put(key.substring(OVERRIDE.length()), p.getProperty(key));
      }
    }
    try {
      String main = p.getProperty(SOURCE_MAIN);
      ModelSource source = main == null ? null : new ModelSource(main, files, overrides);
      CheckpointMetadata meta = new CheckpointMetadata(
          required(file, p, "architecture"), hyper, Long.parseLong(required(file, p, "step")),
          source);
      String optimizer = required(file, p, "optimizer");
      if (!optimizer.equals(ADAM) && !optimizer.equals(NONE)) {
        throw new IllegalArgumentException("unknown optimizer " + optimizer);
      }
      return new Decoded(meta, Boolean.parseBoolean(required(file, p, "ema")),
          optimizer.equals(ADAM), Integer.parseInt(required(file, p, "weights.count")));
    } catch (IllegalArgumentException e) {
      throw CheckpointArchive.corrupt(file, ENTRY + " is malformed: " + e.getMessage());
    }
  }

  private static String required(Path file, Properties p, String key)
      throws InvalidCheckpointException {
    String value = p.getProperty(key);
    if (value == null) {
      throw CheckpointArchive.corrupt(file, ENTRY + " lacks the key " + key);
    }
    return value;
  }

  /** Escapes as {@link Properties#store} does (keys: every space; values: a leading space). */
  private static String escape(String s, boolean key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
