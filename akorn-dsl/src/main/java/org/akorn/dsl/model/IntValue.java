package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/** An integer of the model: its concrete value, the expression it came from, and where. */
public record IntValue(long value, Expr expr, SourceSpan span) {
  /** A value the language supplies as a default (its expression is the literal). */
  public static IntValue ofDefault(long value, SourceSpan span) {
    return new IntValue(value, new Expr.IntLiteral(value), span);
  }

  public int intValue() {
    return Math.toIntExact(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
