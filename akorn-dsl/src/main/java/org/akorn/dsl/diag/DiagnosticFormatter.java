package org.akorn.dsl.diag;

import java.util.Map;

/**
 * Renders a diagnostic the way compilers do: the headline, the offending source line and a caret
 * under the column. Control characters in the message and the line are shown visibly ({@link
 * Visible}), the caret still under its character.
 *
 * <pre>
 * model.akorn:4:14: error[E200]: channels 30 are not divisible by n = 4
 *     channels = 30;
 *                ^
 * </pre>
 */
public final class DiagnosticFormatter {
  private final Map<String, String> sourcesByFile;

  /** @param sourcesByFile the text of every file a diagnostic may point into, keyed by span file */
  public DiagnosticFormatter(Map<String, String> sourcesByFile) {
    this.sourcesByFile = Map.copyOf(sourcesByFile);
  }

  public String format(Diagnostic d) {
    StringBuilder out = new StringBuilder(d.headline());
    String text = sourcesByFile.get(d.span().file());
    String line = text == null ? null : lineOf(text, d.span().line());
    if (line != null) {
      String shown = Visible.text(line.replace('\t', ' '));
      int column = Math.max(0, Math.min(d.span().column() - 1, line.length()));
      int caret = Visible.text(line.substring(0, column).replace('\t', ' ')).length();
      out.append('\n').append("    ").append(shown);
      out.append('\n').append("    ").append(" ".repeat(caret)).append('^');
    }
    return out.toString();
  }

  private static String lineOf(String text, int lineNumber) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (lineNumber < 1 || lineNumber > lines.length) {
      return null;
    }
    return lines[lineNumber - 1];
  }
}
