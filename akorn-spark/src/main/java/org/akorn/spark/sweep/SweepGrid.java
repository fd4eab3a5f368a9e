package org.akorn.spark.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grid of a sweep: {@code -P ch=16,32 -P T=2,3} gives the four points (16, 2), (16, 3),
 * (32, 2), (32, 3), the first option varying slowest, as nested loops would. A parameter of one
 * value is passed to every point. Run folders are named by position and the swept values only:
 * {@code run-1-ch=16-T=2}. An array value keeps its commas: {@code -P ksizes=[5,3],[3,3]} is two
 * values.
 */
public final class SweepGrid {
  /** The most points one sweep may have: more is almost always a typo in a list. */
  public static final int MAX_POINTS = 1000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._+-]");

  private SweepGrid() {}

  /** Splits at commas outside brackets: {@code [5,3],[3,3]} is two array values. */
  private static List<String> splitValues(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (c == ',' && depth == 0) {
        out.add(text.substring(from, i));
        from = i + 1;
      }
    }
    out.add(text.substring(from));
    return out;
  }

  /**
   * Expands {@code name=v1,v2,...} assignments into the grid's points.
   *
   * @throws IllegalArgumentException naming the assignment, for a malformed one, a repeated
   *     name or value, an empty value or a grid of more than {@link #MAX_POINTS} points
   */
  public static List<SweepConfiguration> expand(List<String> assignments) {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    for (String a : assignments) {
      int eq = a.indexOf('=');
      String name = eq < 0 ? a.strip() : a.substring(0, eq).strip();
      if (eq <= 0 || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("-P expects name=value[,value...], got '" + a + "'");
      }
      if (axes.containsKey(name)) {
        throw new IllegalArgumentException("-P " + name + " is given twice; list its values in"
            + " one option: -P " + name + "=a,b");
      }
      List<String> values = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (String v : splitValues(a.substring(eq + 1))) {
        String value = v.strip();
        if (value.isEmpty()) {
          throw new IllegalArgumentException("-P " + a + ": empty value");
        }
        if (!seen.add(value)) {
          throw new IllegalArgumentException("-P " + a + ": " + value + " is listed twice");
        }
        values.add(value);
      }
      axes.put(name, values);
    }
    long points = 1;
    for (List<String> values : axes.values()) {
      points *= values.size();
      if (points > MAX_POINTS) {
        throw new IllegalArgumentException("the grid has more than " + MAX_POINTS + " points");
      }
    }
    List<String> swept = axes.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey).toList();
    int digits = Long.toString(points).length();
    List<SweepConfiguration> out = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      Map<String, String> point = new LinkedHashMap<>();
      int rest = i;
      List<String> names = new ArrayList<>(axes.keySet());
      int[] pick = new int[names.size()];
      for (int k = names.size() - 1; k >= 0; k--) {
        int size = axes.get(names.get(k)).size();
        pick[k] = rest % size;
        rest /= size;
      }
      StringBuilder folder = new StringBuilder(String.format(Locale.ROOT, "run-%0" + digits + "d",
          i + 1));
      for (int k = 0; k < names.size(); k++) {
        String value = axes.get(names.get(k)).get(pick[k]);
        point.put(names.get(k), value);
        if (swept.contains(names.get(k))) {
          folder.append('-').append(names.get(k)).append('=')
              .append(UNSAFE.matcher(value).replaceAll("_"));
        }
      }
      out.add(new SweepConfiguration(i, point, folder.toString()));
    }
    return out;
  }
}
