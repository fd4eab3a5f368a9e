package org.akorn.dsl.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics and keeps going, so that every problem is reported, not only the first. */
public final class DiagnosticSink {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public void error(DiagnosticCode code, SourceSpan span, String message) {
    Diagnostic d = Diagnostic.error(code, span, message);
    if (!diagnostics.contains(d)) {
      diagnostics.add(d);
    }
  }

  public void addAll(List<Diagnostic> more) {
    more.forEach(d -> error(d.code(), d.span(), d.message()));
  }

  public int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public boolean hasErrors() {
    return errorCount() > 0;
  }

  /** The diagnostics in the order they were reported. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
