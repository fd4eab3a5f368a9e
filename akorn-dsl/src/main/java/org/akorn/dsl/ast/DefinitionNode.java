package org.akorn.dsl.ast;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;

/**
 * A {@code model Name { ... }} or a reusable {@code block Name { ... }} with its statements and
 * the text of the {@code /** ... *}{@code /} doc comment in front of it ("" when none).
 */
public record DefinitionNode(
    SourceSpan span, String name, SourceSpan nameSpan, String doc, List<StatementNode> body) {
  public DefinitionNode {
    body = List.copyOf(body);
  }
}
