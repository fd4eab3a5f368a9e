package org.akorn.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -P name=value} options as an ordered map. */
final class Overrides {
  private Overrides() {}

  static Map<String, String> parse(List<String> assignments) {
    Map<String, String> out = new LinkedHashMap<>();
    if (assignments == null) {
      return out;
    }
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new UserException("-P expects name=value, got '" + a + "'");
      }
      out.put(a.substring(0, eq).strip(), a.substring(eq + 1).strip());
    }
    return out;
  }
}
