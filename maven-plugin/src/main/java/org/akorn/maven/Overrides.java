package org.akorn.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hyper-parameter overrides of one build: global ones (every model) and per-model ones, merged
 * from the plugin configuration and the {@code akorn.overrides} user property. Sorted, so the same
 * configuration always gives the same request and the same fingerprint.
 *
 * <p>The property is a comma-separated list of {@code name=value} (every model) and {@code
 * Model.name=value} (one model) entries; commas inside brackets belong to a list value: {@code
 * -Dakorn.overrides="ch=32,Sudoku4.T=16,kernels=[9, 7, 5]"}. Property entries win over the POM.
 */
public record Overrides(Map<String, String> global, Map<String, Map<String, String>> perModel) {
  public Overrides {
    global = Collections.unmodifiableMap(new TreeMap<>(global));
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    perModel.forEach((model, params) -> copy.put(model, Collections.unmodifiableMap(new TreeMap<>(params))));
    perModel = Collections.unmodifiableMap(copy);
  }

  public static final Overrides NONE = new Overrides(Map.of(), Map.of());

  /**
   * Merges the configuration's {@code <parameters>}, {@code <models>} and the property text.
   *
   * @throws IllegalArgumentException with a message for the user when an entry is malformed
   */
  public static Overrides merge(Map<String, String> parameters, List<ModelParameters> models, String property) {
    TreeMap<String, String> global = new TreeMap<>();
    TreeMap<String, Map<String, String>> perModel = new TreeMap<>();
    if (parameters != null) {
      parameters.forEach((k, v) -> global.put(checkName(k, "<parameters>"), checkValue(k, v, "<parameters>")));
    }
    if (models != null) {
      for (ModelParameters m : models) {
        String model = m.getName() == null ? "" : m.getName().strip();
        if (model.isEmpty()) {
          throw new IllegalArgumentException("<models>: a <model> has no <name>");
        }
        String where = "<model> " + model;
        Map<String, String> target = perModel.computeIfAbsent(model, x -> new TreeMap<>());
        if (m.getParameters() != null) {
          m.getParameters().forEach((k, v) -> target.put(checkName(k, where), checkValue(k, v, where)));
        }
      }
    }
    for (String entry : splitTopLevel(property == null ? "" : property)) {
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("akorn.overrides: '" + entry + "' is not name=value or Model.name=value");
      }
      String key = entry.substring(0, eq).strip();
      String value = checkValue(key, entry.substring(eq + 1), "akorn.overrides");
      int dot = key.indexOf('.');
      if (dot < 0) {
        global.put(checkName(key, "akorn.overrides"), value);
      } else {
        String model = checkName(key.substring(0, dot), "akorn.overrides");
        String name = checkName(key.substring(dot + 1), "akorn.overrides");
        perModel.computeIfAbsent(model, x -> new TreeMap<>()).put(name, value);
      }
    }
    perModel.values().removeIf(Map::isEmpty);
    return new Overrides(global, perModel);
  }

  /** One line per override, sorted ({@code name=value}, {@code Model.name=value}); for fingerprints. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    global.forEach((k, v) -> lines.add(k + "=" + v));
    perModel.forEach((m, params) -> params.forEach((k, v) -> lines.add(m + "." + k + "=" + v)));
    return lines;
  }

  /**
   * The overrides that match nothing, most likely typos: a global one that no model declares, a
   * per-model one for a model no file defines or a parameter that model does not declare. Empty
   * when every override is used.
   *
   * @param declared each generated model's name to the names of its parameters
   */
  public List<String> unmatched(Map<String, Set<String>> declared) {
    List<String> problems = new ArrayList<>();
    global.forEach((k, v) -> {
      if (declared.values().stream().noneMatch(params -> params.contains(k))) {
        problems.add("akorn: override " + k + "=" + v + " names no parameter of any model");
      }
    });
    perModel.forEach((model, params) -> params.forEach((k, v) -> {
      Set<String> names = declared.get(model);
      if (names == null) {
        problems.add("akorn: override " + model + "." + k + "=" + v + " names no model (models: "
            + String.join(", ", new TreeSet<>(declared.keySet())) + ")");
      } else if (!names.contains(k)) {
        problems.add("akorn: override " + model + "." + k + "=" + v + " names no parameter of " + model);
      }
    }));
    return problems;
  }

  public boolean isEmpty() {
    return global.isEmpty() && perModel.isEmpty();
  }

  /** Splits at commas that are not inside brackets; blank entries are dropped. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      }
      if (c == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String checkName(String name, String where) {
    String n = name == null ? "" : name.strip();
    if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(where + ": '" + n + "' is not a parameter or model name");
    }
    return n;
  }

  private static String checkValue(String name, String value, String where) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(where + ": parameter '" + (name == null ? "" : name.strip()) + "' has no value");
    }
    return v;
  }
}
