package org.akorn.dsl.assist;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;

/**
 * A declaration as an editor shows it: its kind, name, the span of the whole declaration and of
 * its name, a one-line detail (type, default, kind of stage), its doc comment ("" when none) and,
 * for models, blocks, repeat and if, the declarations inside it.
 */
public record Symbol(
    Kind kind, String name, SourceSpan span, SourceSpan nameSpan, String detail, String doc, List<Symbol> children) {

  public enum Kind { MODEL, BLOCK, PARAM, INPUT, OUTPUT, LET, LOOP_VARIABLE, HEAD, STAGE, REPEAT, IF, USE, FILE }

  public Symbol {
    children = List.copyOf(children);
  }

  /** True when {@code other} is this declaration (children aside). */
  public boolean sameDeclaration(Symbol other) {
    return kind == other.kind && name.equals(other.name) && nameSpan.equals(other.nameSpan);
  }
}
