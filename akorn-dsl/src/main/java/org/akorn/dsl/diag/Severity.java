package org.akorn.dsl.diag;

/** How bad a diagnostic is; any {@link #ERROR} makes the compilation fail. */
public enum Severity {
  ERROR,
  WARNING;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
