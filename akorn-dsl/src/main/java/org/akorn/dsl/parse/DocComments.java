package org.akorn.dsl.parse;

import java.util.ArrayList;
import java.util.List;

/** Strips {@code /**}, {@code *}{@code /} and the leading {@code *} of each line from a doc comment. */
final class DocComments {
  private DocComments() {}

  static String clean(String raw) {
    String body = raw.substring(3, Math.max(3, raw.length() - 2));
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\r\n|\r|\n", -1)) {
      String t = line.strip();
      if (t.startsWith("*")) {
        t = t.substring(1).strip();
      }
      lines.add(t);
    }
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }
}
