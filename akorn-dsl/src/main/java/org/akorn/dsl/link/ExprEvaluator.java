package org.akorn.dsl.link;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.ast.ExprNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.BinaryOp;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.link.Value.*;

/**
 * Evaluates expressions against a {@link Scope}. Integers are 32-bit: any result outside the int
 * range is an overflow error. Returns null after reporting an error, so callers just skip.
 */
final class ExprEvaluator {
  private final Scope scope;
  private final DiagnosticSink sink;

  ExprEvaluator(Scope scope, DiagnosticSink sink) {
    this.scope = scope;
    this.sink = sink;
  }

  Value eval(ExprNode node) {
    if (node instanceof ExprNode.IntLiteral n) {
      return intLiteral(n);
    }
    if (node instanceof ExprNode.FloatLiteral n) {
      double v = Double.parseDouble(n.text());
      if (Double.isInfinite(v)) {
        sink.error(DiagnosticCode.INTEGER_OVERFLOW, n.span(), "number " + n.text() + " is too large");
        return null;
      }
      return new RealV(v, new Expr.RealLiteral(v), n.span());
    }
    if (node instanceof ExprNode.StringLiteral n) {
      return new StringV(n.value(), n.span());
    }
    if (node instanceof ExprNode.Ref n) {
      return ref(n);
    }
    if (node instanceof ExprNode.Negate n) {
      return negate(n);
    }
    if (node instanceof ExprNode.Binary n) {
      return binary(n);
    }
    if (node instanceof ExprNode.Index n) {
      return index(n);
    }
    if (node instanceof ExprNode.Call n) {
      return call(n);
    }
    return list((ExprNode.ListLiteral) node);
  }

  private Value intLiteral(ExprNode.IntLiteral n) {
    if (n.text().length() > 10 || Long.parseLong(n.text()) > Integer.MAX_VALUE) {
      sink.error(DiagnosticCode.INTEGER_OVERFLOW, n.span(),
          "integer " + n.text() + " does not fit in 32 bits");
      return null;
    }
    long v = Long.parseLong(n.text());
    return new IntV(v, new Expr.IntLiteral(v), n.span());
  }

  private Value ref(ExprNode.Ref n) {
    var bound = scope.parameterOrVariable(n.name());
    if (bound.isPresent()) {
      return relocate(bound.get(), n.span());
    }
    if (scope.input(n.name()).isPresent()) {
      return new InputRef(n.name(), n.span());
    }
    if (scope.hasFailed(n.name())) {
      return null;
    }
    switch (n.name()) {
      case "true", "on" -> {
        return new BoolV(true, new Expr.BoolLiteral(true), n.span());
      }
      case "false", "off" -> {
        return new BoolV(false, new Expr.BoolLiteral(false), n.span());
      }
      default -> {
        return new Word(n.name(), n.span());
      }
    }
  }

  /** The same value reported at the place it is used. */
  private static Value relocate(Value v, SourceSpan span) {
    if (v instanceof IntV i) {
      return new IntV(i.value(), i.expr(), span);
    }
    if (v instanceof RealV r) {
      return new RealV(r.value(), r.expr(), span);
    }
    if (v instanceof BoolV b) {
      return new BoolV(b.value(), b.expr(), span);
    }
    if (v instanceof ListV l) {
      return new ListV(l.items(), l.expr(), span);
    }
    return v;
  }

  private Value negate(ExprNode.Negate n) {
    Value v = eval(n.operand());
    if (v instanceof IntV i) {
      return new IntV(-i.value(), new Expr.Negate(i.expr()), n.span());
    }
    if (v instanceof RealV r) {
      return new RealV(-r.value(), new Expr.Negate(r.expr()), n.span());
    }
    if (v != null) {
      notANumber(v);
    }
    return null;
  }

  private Value binary(ExprNode.Binary n) {
    Value left = eval(n.left());
    Value right = eval(n.right());
    if (left == null || right == null) {
      return null;
    }
    BinaryOp op = BinaryOp.of(n.op()).orElseThrow();
    if (!isNumber(left)) {
      notANumber(left);
      return null;
    }
    if (!isNumber(right)) {
      notANumber(right);
      return null;
    }
    return Arithmetic.apply(op, left, right, n.span(), sink);
  }

  private Value index(ExprNode.Index n) {
    Value target = eval(n.target());
    Value index = eval(n.index());
    if (target == null || index == null) {
      return null;
    }
    if (!(target instanceof ListV list)) {
      if (target instanceof Word w) {
        unknownName(w);
      } else {
        sink.error(DiagnosticCode.WRONG_TYPE, target.span(),
            "only a list can be indexed, but this is " + target.describe());
      }
      return null;
    }
    if (!(index instanceof IntV i)) {
      if (index instanceof Word w) {
        unknownName(w);
      } else {
        sink.error(DiagnosticCode.WRONG_TYPE, index.span(),
            "a list index must be an integer, but this is " + index.describe());
      }
      return null;
    }
    if (i.value() < 0 || i.value() >= list.items().size()) {
      sink.error(DiagnosticCode.INDEX_OUT_OF_RANGE, n.index().span(),
          "index " + i.value() + " is out of range for a list of " + list.items().size());
      return null;
    }
    return relocate(list.items().get((int) i.value()), n.span());
  }

  private Value call(ExprNode.Call n) {
    List<ArgV> args = new ArrayList<>();
    boolean ok = true;
    for (ExprNode.Arg a : n.args()) {
      Value v = eval(a.value());
      if (v == null) {
        ok = false;
      } else {
        args.add(new ArgV(a.name(), v, a.span()));
      }
    }
    return ok ? new CallV(n.name(), args, n.span()) : null;
  }

  private Value list(ExprNode.ListLiteral n) {
    List<Value> items = new ArrayList<>();
    List<Expr> exprs = new ArrayList<>();
    for (ExprNode item : n.items()) {
      Value v = eval(item);
      if (v == null) {
        return null;
      }
      items.add(v);
      exprs.add(exprOf(v));
    }
    return new ListV(items, new Expr.ListLiteral(exprs), n.span());
  }

  static Expr exprOf(Value v) {
    if (v instanceof IntV i) {
      return i.expr();
    }
    if (v instanceof RealV r) {
      return r.expr();
    }
    if (v instanceof BoolV b) {
      return b.expr();
    }
    if (v instanceof ListV l) {
      return l.expr();
    }
    return new Expr.ParamRef(v.toString());
  }

  private static boolean isNumber(Value v) {
    return v instanceof IntV || v instanceof RealV;
  }

  private void notANumber(Value v) {
    if (v instanceof Word w) {
      unknownName(w);
    } else {
      sink.error(DiagnosticCode.WRONG_TYPE, v.span(),
          "expected a number here, but this is " + v.describe());
    }
  }

  void unknownName(Word w) {
    sink.error(DiagnosticCode.UNKNOWN_NAME, w.span(), "unknown name '" + w.name() + "'");
  }
}
