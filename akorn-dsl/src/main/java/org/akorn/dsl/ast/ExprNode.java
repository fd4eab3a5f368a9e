package org.akorn.dsl.ast;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;

/** An expression as written. Evaluation happens in the linker. */
public sealed interface ExprNode {
  SourceSpan span();

  record IntLiteral(SourceSpan span, String text) implements ExprNode {}

  record FloatLiteral(SourceSpan span, String text) implements ExprNode {}

  record StringLiteral(SourceSpan span, String value) implements ExprNode {}

  /** A name: a parameter, loop variable, input, head, or an option word such as {@code gta}. */
  record Ref(SourceSpan span, String name) implements ExprNode {}

  record Negate(SourceSpan span, ExprNode operand) implements ExprNode {}

  /** op is one of + - * / % ^ < <= > >= == !=. */
  record Binary(SourceSpan span, String op, ExprNode left, ExprNode right) implements ExprNode {}

  record Index(SourceSpan span, ExprNode target, ExprNode index) implements ExprNode {}

  record Call(SourceSpan span, String name, List<Arg> args) implements ExprNode {
    public Call {
      args = List.copyOf(args);
    }
  }

  record ListLiteral(SourceSpan span, List<ExprNode> items) implements ExprNode {
    public ListLiteral {
      items = List.copyOf(items);
    }
  }

  /** A call argument; name is null for a positional argument. */
  record Arg(SourceSpan span, String name, ExprNode value) {}
}
