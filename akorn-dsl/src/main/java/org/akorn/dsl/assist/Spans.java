package org.akorn.dsl.assist;

import org.akorn.dsl.diag.SourceSpan;

/** Position tests on spans (1-based lines and columns, end exclusive). */
final class Spans {
  private Spans() {}

  static boolean contains(SourceSpan span, int line, int column) {
    boolean afterStart = line > span.line() || line == span.line() && column >= span.column();
    boolean beforeEnd = line < span.endLine() || line == span.endLine() && column <= span.endColumn();
    return afterStart && beforeEnd;
  }
}
