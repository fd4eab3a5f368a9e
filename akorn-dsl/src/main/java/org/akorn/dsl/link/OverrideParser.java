package org.akorn.dsl.link;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.ParamType;
import org.akorn.dsl.link.Value.*;

/** Parses a parameter override given as text ("64", "0.5", "true", "[9, 7, 5]"). */
final class OverrideParser {
  private OverrideParser() {}

  /** The value, or null when the text is not of the type. */
  static Value parse(String text, ParamType type, SourceSpan span) {
    String t = text.strip();
    try {
      switch (type) {
        case INT -> {
          int v = Integer.parseInt(t);
          return new IntV(v, new Expr.IntLiteral(v), span);
        }
        case FLOAT -> {
          double v = Double.parseDouble(t);
          return Double.isFinite(v) ? new RealV(v, new Expr.RealLiteral(v), span) : null;
        }
        case BOOL -> {
          if (t.equals("true") || t.equals("false")) {
            boolean v = Boolean.parseBoolean(t);
            return new BoolV(v, new Expr.BoolLiteral(v), span);
          }
          return null;
        }
        default -> {
          String inner = t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t;
          List<Value> items = new ArrayList<>();
          List<Expr> exprs = new ArrayList<>();
          for (String part : inner.split(",")) {
            int v = Integer.parseInt(part.strip());
            items.add(new IntV(v, new Expr.IntLiteral(v), span));
            exprs.add(new Expr.IntLiteral(v));
          }
          return new ListV(items, new Expr.ListLiteral(exprs), span);
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
