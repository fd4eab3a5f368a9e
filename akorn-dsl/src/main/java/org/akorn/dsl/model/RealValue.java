package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/** A real number of the model: its concrete value, the expression it came from, and where. */
public record RealValue(double value, Expr expr, SourceSpan span) {
  public static RealValue ofDefault(double value, SourceSpan span) {
    return new RealValue(value, new Expr.RealLiteral(value), span);
  }

  @Override
  public String toString() {
    return Double.toString(value);
  }
}
