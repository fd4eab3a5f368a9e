package org.akorn.dsl.diag;

import java.util.Objects;

/** One problem found in a source file, with a stable code that tests and tools may rely on. */
public record Diagnostic(Severity severity, DiagnosticCode code, SourceSpan span, String message) {

  public Diagnostic {
    Objects.requireNonNull(severity);
    Objects.requireNonNull(code);
    Objects.requireNonNull(span);
    Objects.requireNonNull(message);
  }

  public static Diagnostic error(DiagnosticCode code, SourceSpan span, String message) {
    return new Diagnostic(Severity.ERROR, code, span, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code file:line:col: error[E104]: message} without the source excerpt, control characters
   * shown visibly.
   */
  public String headline() {
    return Visible.text(span.location() + ": " + severity.label() + "[" + code.id() + "]: " + message);
  }

  @Override
  public String toString() {
    return headline();
  }
}
