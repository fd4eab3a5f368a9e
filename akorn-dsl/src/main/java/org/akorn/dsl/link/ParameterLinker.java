package org.akorn.dsl.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.ast.StatementNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.ParamType;
import org.akorn.dsl.link.Value.*;

/** {@code param name: type = default;} with overrides applied; defines the name in the scope. */
final class ParameterLinker {
  private final LinkContext ctx;
  private final Map<String, String> overrides;

  ParameterLinker(LinkContext ctx, Map<String, String> overrides) {
    this.ctx = ctx;
    this.overrides = overrides;
  }

  HyperParameter link(StatementNode.Param p) {
    ParamType type = type(p);
    Value declared = ctx.evaluator.eval(p.defaultValue());
    if (type == null || declared == null) {
      return null;
    }
    Value effective = conform(declared, type, p.name(), declared.span());
    if (effective == null) {
      return null;
    }
    boolean overridden = overrides.containsKey(p.name());
    if (overridden) {
      Value parsed = OverrideParser.parse(overrides.get(p.name()), type, p.span());
      if (parsed == null) {
        ctx.error(DiagnosticCode.BAD_OVERRIDE, p.span(),
            "override '" + overrides.get(p.name()) + "' for parameter '" + p.name() + "' is not " + describe(type));
      } else {
        effective = parsed;
      }
    }
    ctx.scope.defineParameter(p.name(), named(effective, p.name()));
    return new HyperParameter(
        p.name(), type, ExprEvaluator.exprOf(declared), literal(effective), overridden, p.doc(), p.span());
  }

  private ParamType type(StatementNode.Param p) {
    String t = p.type().name();
    if (p.type().list() && t.equals("int")) {
      return ParamType.INT_LIST;
    }
    if (!p.type().list()) {
      switch (t) {
        case "int" -> {
          return ParamType.INT;
        }
        case "float" -> {
          return ParamType.FLOAT;
        }
        case "bool" -> {
          return ParamType.BOOL;
        }
        default -> { }
      }
    }
    ctx.error(DiagnosticCode.UNKNOWN_NAME, p.type().span(),
        "unknown parameter type '" + p.type() + "'; expected int, float, bool or int[]");
    return null;
  }

  /** Checks (and widens int to float) a default value against the declared type. */
  private Value conform(Value v, ParamType type, String name, SourceSpan span) {
    boolean ok =
        switch (type) {
          case INT -> v instanceof IntV;
          case FLOAT -> v instanceof IntV || v instanceof RealV;
          case BOOL -> v instanceof BoolV;
          case INT_LIST -> v instanceof ListV l && l.items().stream().allMatch(IntV.class::isInstance);
        };
    if (!ok) {
      if (v instanceof Word w) {
        ctx.evaluator.unknownName(w);
      } else {
        ctx.error(DiagnosticCode.WRONG_TYPE, span,
            "parameter '" + name + "' is declared " + describe(type) + ", but its default is " + v.describe());
      }
      return null;
    }
    if (type == ParamType.FLOAT && v instanceof IntV i) {
      return new RealV(i.value(), i.expr(), i.span());
    }
    return v;
  }

  static String describe(ParamType type) {
    return switch (type) {
      case INT -> "an int";
      case FLOAT -> "a float";
      case BOOL -> "a bool";
      case INT_LIST -> "an int[]";
    };
  }

  /** The value as the scope sees it: concrete, but its expression is the parameter's name. */
  private static Value named(Value v, String name) {
    Expr ref = new Expr.ParamRef(name);
    if (v instanceof IntV i) {
      return new IntV(i.value(), ref, i.span());
    }
    if (v instanceof RealV r) {
      return new RealV(r.value(), ref, r.span());
    }
    if (v instanceof BoolV b) {
      return new BoolV(b.value(), ref, b.span());
    }
    ListV l = (ListV) v;
    List<Value> items = new ArrayList<>();
    for (int k = 0; k < l.items().size(); k++) {
      IntV item = (IntV) l.items().get(k);
      items.add(new IntV(item.value(), new Expr.Index(ref, new Expr.IntLiteral(k)), item.span()));
    }
    return new ListV(items, ref, l.span());
  }

  /** The concrete value as a literal expression. */
  static Expr literal(Value v) {
    if (v instanceof IntV i) {
      return new Expr.IntLiteral(i.value());
    }
    if (v instanceof RealV r) {
      return new Expr.RealLiteral(r.value());
    }
    if (v instanceof BoolV b) {
      return new Expr.BoolLiteral(b.value());
    }
    return new Expr.ListLiteral(((ListV) v).items().stream().map(ParameterLinker::literal).toList());
  }
}
