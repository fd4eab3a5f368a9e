package org.akorn.runtime.io;

/**
 * Makes text safe to print on a terminal: C0 control characters and DEL become the Unicode
 * "control pictures" (NUL shows as U+2400, ESC as U+241B, a line feed as U+2424), other
 * non-printable characters a {@code \\uXXXX} escape. Tabs stay.
 */
public final class Printable {
  private Printable() {}

  public static String visible(CharSequence text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text.toString() : out.toString();
  }

  /** Like {@link #visible}, but keeps line feeds (for messages that list one problem a line). */
  public static String visibleLines(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = visible(lines[i]);
    }
    return String.join("\n", lines);
  }

  private static String replacement(char c) {
    if (c == '\t') {
      return null;
    }
    if (c < 0x20) {
      return String.valueOf((char) (0x2400 + c));
    }
    if (c == 0x7f) {
      return "\u2421";
    }
    if ((c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
      return String.format("\\u%04X", (int) c);
    }
    return null;
  }
}
