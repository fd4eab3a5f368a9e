package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/** A boolean switch of the model ({@code true/false} or {@code on/off} in source). */
public record Flag(boolean value, Expr expr, SourceSpan span) {
  public static Flag ofDefault(boolean value, SourceSpan span) {
    return new Flag(value, new Expr.BoolLiteral(value), span);
  }

  @Override
  public String toString() {
    return Boolean.toString(value);
  }
}
