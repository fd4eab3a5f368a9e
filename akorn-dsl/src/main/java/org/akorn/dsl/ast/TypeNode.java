package org.akorn.dsl.ast;

import org.akorn.dsl.diag.SourceSpan;

/** A parameter type as written: {@code int}, {@code float}, {@code bool}, or a list {@code int[]}. */
public record TypeNode(SourceSpan span, String name, boolean list) {
  @Override
  public String toString() {
    return list ? name + "[]" : name;
  }
}
