package org.akorn.dsl.diag;

/**
 * Shows control characters visibly so that a diagnostic never writes raw control bytes to a
 * terminal: C0 controls and DEL become Unicode control pictures (NUL shows as U+2400, ESC as
 * U+241B), C1 controls and line separators a {@code \\uXXXX} escape. Tabs stay.
 */
public final class Visible {
  private Visible() {}

  public static String text(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        out.append(c);
      } else if (c < 0x20) {
        out.append((char) (0x2400 + c));
      } else if (c == 0x7f) {
        out.append('\u2421');
      } else if ((c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
