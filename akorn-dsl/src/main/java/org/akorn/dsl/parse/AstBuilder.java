package org.akorn.dsl.parse;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.ast.DefinitionNode;
import org.akorn.dsl.ast.ExprNode;
import org.akorn.dsl.ast.ImportNode;
import org.akorn.dsl.ast.PropertyNode;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.ast.StatementNode;
import org.akorn.dsl.ast.TypeNode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.internal.grammar.AkornLexer;
import org.akorn.dsl.internal.grammar.AkornParser;
import org.akorn.dsl.internal.grammar.AkornParser.*;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Converts a syntax-error-free parse tree into the immutable AST, one method per node kind. */
final class AstBuilder {
  private static final int DOC_CHANNEL = 2;
  private final String file;
  private final CommonTokenStream tokens;

  AstBuilder(String file, CommonTokenStream tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  SourceFileNode file(FileContext ctx) {
    String pkg = "";
    if (ctx.packageDecl() != null) {
      pkg = ctx.packageDecl().qualifiedName().getText();
    }
    List<ImportNode> imports = new ArrayList<>();
    for (ImportDeclContext i : ctx.importDecl()) {
      imports.add(new ImportNode(span(i), unquote(i.STRING().getText())));
    }
    List<DefinitionNode> models = new ArrayList<>();
    List<DefinitionNode> blocks = new ArrayList<>();
    for (DefinitionContext d : ctx.definition()) {
      if (d instanceof ModelDefContext m) {
        models.add(new DefinitionNode(span(m), m.ID().getText(), span(m.ID()), doc(m), body(m.statement())));
      } else if (d instanceof BlockDefContext b) {
        blocks.add(new DefinitionNode(span(b), b.ID().getText(), span(b.ID()), doc(b), body(b.statement())));
      }
    }
    return new SourceFileNode(span(ctx), file, pkg, imports, models, blocks);
  }

  private List<StatementNode> body(List<StatementContext> statements) {
    List<StatementNode> out = new ArrayList<>();
    for (StatementContext s : statements) {
      out.add(statement(s));
    }
    return out;
  }

  private StatementNode statement(StatementContext ctx) {
    if (ctx instanceof ParamStmtContext p) {
      TypeRefContext t = p.typeRef();
      TypeNode type = new TypeNode(span(t), t.ID().getText(), t.brackets != null);
      return new StatementNode.Param(span(p), p.ID().getText(), span(p.ID()), type, expr(p.expr()), doc(p));
    }
    if (ctx instanceof InputStmtContext in) {
      List<ExprNode> shape = in.shape().expr().stream().map(this::expr).toList();
      ExprNode min = in.expr().size() == 2 ? expr(in.expr(0)) : null;
      ExprNode max = in.expr().size() == 2 ? expr(in.expr(1)) : null;
      return new StatementNode.Input(
          span(in), in.ID(0).getText(), span(in.ID(0)), in.ID(1).getText(), span(in.ID(1)), shape, min, max, doc(in));
    }
    if (ctx instanceof OutputStmtContext o) {
      return new StatementNode.Output(span(o), o.ID().getText(), span(o.ID()), o.expr() == null ? null : expr(o.expr()), doc(o));
    }
    if (ctx instanceof RepeatStmtContext r) {
      return new StatementNode.Repeat(span(r), expr(r.expr()), r.ID().getText(), span(r.ID()), body(r.statement()));
    }
    if (ctx instanceof IfStmtContext i) {
      return new StatementNode.If(span(i), expr(i.expr()), body(i.statement()));
    }
    if (ctx instanceof LetStmtContext l) {
      return new StatementNode.Let(span(l), l.ID().getText(), span(l.ID()), expr(l.expr()));
    }
    if (ctx instanceof UseStmtContext u) {
      return new StatementNode.Use(span(u), u.ID().getText(), span(u.ID()));
    }
    if (ctx instanceof StageStmtContext s) {
      List<ExprNode> chain = s.expr().stream().map(this::expr).toList();
      return new StatementNode.Stage(
          span(s), s.kind.getText(), span(s.kind), s.name == null ? null : s.name.getText(),
          s.name == null ? null : span(s.name), chain, List.of(), doc(s));
    }
    StageBlockContext b = (StageBlockContext) ctx;
    List<PropertyNode> props = new ArrayList<>();
    for (PropertyContext p : b.property()) {
      props.add(new PropertyNode(span(p), p.ID().getText(), expr(p.expr())));
    }
    return new StatementNode.Stage(
        span(b), b.kind.getText(), span(b.kind), b.name == null ? null : b.name.getText(),
        b.name == null ? null : span(b.name), List.of(), props, doc(b));
  }

  private ExprNode expr(ExprContext ctx) {
    SourceSpan span = span(ctx);
    if (ctx instanceof IndexExprContext c) {
      return new ExprNode.Index(span, expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof NegExprContext c) {
      return new ExprNode.Negate(span, expr(c.expr()));
    }
    if (ctx instanceof PowExprContext c) {
      return new ExprNode.Binary(span(c.getChild(1)), "^", expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof MulExprContext c) {
      return new ExprNode.Binary(span(c.op), c.op.getText(), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof AddExprContext c) {
      return new ExprNode.Binary(span(c.op), c.op.getText(), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof CmpExprContext c) {
      return new ExprNode.Binary(span(c.op), c.op.getText(), expr(c.expr(0)), expr(c.expr(1)));
    }
    if (ctx instanceof CallExprContext c) {
      List<ExprNode.Arg> args = new ArrayList<>();
      for (ArgContext a : c.arg()) {
        args.add(new ExprNode.Arg(span(a), a.ID() == null ? null : a.ID().getText(), expr(a.expr())));
      }
      return new ExprNode.Call(span, c.ID().getText(), args);
    }
    if (ctx instanceof ListExprContext c) {
      return new ExprNode.ListLiteral(span, c.expr().stream().map(this::expr).toList());
    }
    if (ctx instanceof ParenExprContext c) {
      return expr(c.expr());
    }
    if (ctx instanceof IntExprContext c) {
      return new ExprNode.IntLiteral(span, c.getText());
    }
    if (ctx instanceof FloatExprContext c) {
      return new ExprNode.FloatLiteral(span, c.getText());
    }
    if (ctx instanceof StringExprContext c) {
      return new ExprNode.StringLiteral(span, unquote(c.getText()));
    }
    return new ExprNode.Ref(span, ((RefExprContext) ctx).ID().getText());
  }

  /** The doc comment directly in front of a definition or statement, without its markers. */
  private String doc(ParserRuleContext ctx) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex(), DOC_CHANNEL);
    if (hidden == null || hidden.isEmpty()) {
      return "";
    }
    Token last = hidden.get(hidden.size() - 1);
    if (last.getType() != AkornLexer.DOC_COMMENT) {
      return "";
    }
    return DocComments.clean(last.getText());
  }

  private SourceSpan span(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null ? start : ctx.getStop();
    if (stop.getType() == Token.EOF || stop.getTokenIndex() < start.getTokenIndex()) {
      stop = start;
    }
    String stopText = stop.getText() == null ? "" : stop.getText();
    return new SourceSpan(
        file,
        start.getLine(),
        start.getCharPositionInLine() + 1,
        stop.getLine(),
        stop.getCharPositionInLine() + 1 + stopText.length());
  }

  private SourceSpan span(org.antlr.v4.runtime.tree.ParseTree tree) {
    if (tree instanceof TerminalNode t) {
      return span(t.getSymbol());
    }
    return span((ParserRuleContext) tree);
  }

  private SourceSpan span(Token t) {
    int col = t.getCharPositionInLine() + 1;
    return new SourceSpan(file, t.getLine(), col, t.getLine(), col + t.getText().length());
  }

  private static String unquote(String quoted) {
    String inner = quoted.substring(1, quoted.length() - 1);
    return inner.replace("\\\"", "\"").replace("\\\\", "\\");
  }

}
