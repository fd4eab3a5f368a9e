package org.akorn.dsl.ast;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;

/** A statement in a model or block body. Declarations also carry the span of the declared name. */
public sealed interface StatementNode {
  SourceSpan span();

  /** {@code param ch: int = 64;} (types: int, float, bool, int[]). */
  record Param(
      SourceSpan span, String name, SourceSpan nameSpan, TypeNode type, ExprNode defaultValue, String doc)
      implements StatementNode {}

  /** {@code input digits: int[9, 9] in 0..9;} — kind is float, int, bool, stimulus or state. */
  record Input(
      SourceSpan span,
      String name,
      SourceSpan nameSpan,
      String kind,
      SourceSpan kindSpan,
      List<ExprNode> shape,
      ExprNode min,
      ExprNode max,
      String doc)
      implements StatementNode {
    public Input {
      shape = List.copyOf(shape);
    }
  }

  /** {@code output logits;} or {@code output c_last = stimulus;} (source null for the first form). */
  record Output(SourceSpan span, String name, SourceSpan nameSpan, ExprNode source, String doc)
      implements StatementNode {}

  /** {@code repeat L as i { ... }}. */
  record Repeat(
      SourceSpan span, ExprNode count, String variable, SourceSpan variableSpan, List<StatementNode> body)
      implements StatementNode {
    public Repeat {
      body = List.copyOf(body);
    }
  }

  /** {@code if i > 0 { ... }}. */
  record If(SourceSpan span, ExprNode condition, List<StatementNode> body)
      implements StatementNode {
    public If {
      body = List.copyOf(body);
    }
  }

  /** {@code let width = ch * 2 ^ i;} — a local name until the end of the enclosing body. */
  record Let(SourceSpan span, String name, SourceSpan nameSpan, ExprNode value) implements StatementNode {}

  /** {@code use StandardReadout;} — expands a block in place. */
  record Use(SourceSpan span, String block, SourceSpan blockSpan) implements StatementNode {}

  /**
   * A stage: {@code kind name? = a -> b -> c;} (chain non-empty, properties empty) or
   * {@code kind name? { key = value; ... }} (chain empty). name and nameSpan are null when unnamed.
   */
  record Stage(
      SourceSpan span,
      String kind,
      SourceSpan kindSpan,
      String name,
      SourceSpan nameSpan,
      List<ExprNode> chain,
      List<PropertyNode> properties,
      String doc)
      implements StatementNode {
    public Stage {
      chain = List.copyOf(chain);
      properties = List.copyOf(properties);
    }
  }
}
