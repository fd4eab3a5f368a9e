package org.akorn.dsl.format;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.akorn.dsl.internal.grammar.AkornParser.*;
import org.akorn.dsl.parse.AkornParsing.SyntaxTree;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Walks the parse tree and decides, for every token, whether it starts a line (and how far it
 * is indented) or follows the previous token with or without a space.
 */
final class LayoutPlanner {
  private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", ".", "..");
  private static final Set<String> NO_SPACE_BEFORE = Set.of(")", "]", ",", ";", ".", ":", "..");

  private final SyntaxTree tree;
  private final TokenLayout[] layout;
  /** Token indexes of unary minus signs (no space after them). */
  private final Set<Integer> negations = new HashSet<>();

  LayoutPlanner(SyntaxTree tree) {
    this.tree = tree;
    this.layout = new TokenLayout[tree.tokens().size()];
  }

  TokenLayout[] plan() {
    FileContext file = tree.tree();
    inline(file, 0);
    if (file.packageDecl() != null) {
      startLine(file.packageDecl().getStart(), 0);
    }
    file.importDecl().forEach(i -> startLine(i.getStart(), 0));
    for (DefinitionContext d : file.definition()) {
      startLine(d.getStart(), 0);
      List<StatementContext> body = d instanceof ModelDefContext m ? m.statement() : ((BlockDefContext) d).statement();
      body(body, d.getStop(), 1);
    }
    return layout;
  }

  /** Statements one level deeper than their braces; the closing brace back on the outer level. */
  private void body(List<StatementContext> statements, Token closing, int depth) {
    statements.forEach(s -> statement(s, depth));
    layout[closing.getTokenIndex()] = TokenLayout.closingBrace(depth - 1);
  }

  private void statement(StatementContext s, int depth) {
    inline(s, depth);
    startLine(s.getStart(), depth);
    if (s instanceof RepeatStmtContext r) {
      body(r.statement(), r.getStop(), depth + 1);
    } else if (s instanceof IfStmtContext i) {
      body(i.statement(), i.getStop(), depth + 1);
    } else if (s instanceof StageBlockContext b) {
      for (PropertyContext p : b.property()) {
        inline(p, depth + 1);
        startLine(p.getStart(), depth + 1);
      }
      layout[b.getStop().getTokenIndex()] = TokenLayout.closingBrace(depth);
    } else if (s instanceof StageStmtContext chain && chain.expr().size() > 1) {
      // kind name? = first
      //            -> next      ("-> " ends where the first step begins)
      String prefix = chain.kind.getText() + (chain.name == null ? "" : " " + chain.name.getText()) + " = ";
      int column = AkornFormatter.indent(depth).length() + prefix.length() - "-> ".length();
      for (ParseTree child : chain.children) {
        if (child instanceof TerminalNode t && t.getText().equals("->")) {
          layout[t.getSymbol().getTokenIndex()] = new TokenLayout(true, column, true, depth, column, false);
        }
      }
    }
  }

  private void startLine(Token t, int depth) {
    layout[t.getTokenIndex()] = TokenLayout.line(AkornFormatter.indent(depth).length(), depth);
  }

  /** Every token under {@code ctx} (not yet placed by an enclosing rule) follows its predecessor. */
  private void inline(ParserRuleContext ctx, int depth) {
    if (ctx instanceof NegExprContext) {
      negations.add(ctx.getStart().getTokenIndex());
    }
    for (int i = 0; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      if (child instanceof TerminalNode t) {
        Token token = t.getSymbol();
        if (token.getType() != Token.EOF) {
          layout[token.getTokenIndex()] = TokenLayout.inline(spaceBefore(token, ctx), depth);
        }
      } else if (!(child instanceof StatementContext) && !(child instanceof PropertyContext)) {
        inline((ParserRuleContext) child, depth);
      }
    }
  }

  private boolean spaceBefore(Token token, ParserRuleContext parent) {
    Token previous = previousDefault(token);
    if (previous == null) {
      return false;
    }
    String text = token.getText();
    if (NO_SPACE_AFTER.contains(previous.getText()) || NO_SPACE_BEFORE.contains(text)) {
      return false;
    }
    if (negations.contains(previous.getTokenIndex())) {
      return false; // unary minus
    }
    if (text.equals("(") && parent instanceof CallExprContext) {
      return false;
    }
    return !(text.equals("[")
        && (parent instanceof TypeRefContext || parent instanceof ShapeContext || parent instanceof IndexExprContext));
  }

  private Token previousDefault(Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      Token t = tree.tokens().get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }
}
