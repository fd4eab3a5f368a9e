package org.akorn.dsl.link;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.BinaryOp;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.link.Value.*;

/** Binary operators on numbers, with 32-bit overflow and division-by-zero checks. */
final class Arithmetic {
  private Arithmetic() {}

  static Value apply(BinaryOp op, Value left, Value right, SourceSpan span, DiagnosticSink sink) {
    Expr expr = new Expr.Binary(op, ExprEvaluator.exprOf(left), ExprEvaluator.exprOf(right));
    if (left instanceof IntV a && right instanceof IntV b) {
      return ints(op, a.value(), b.value(), expr, span, sink);
    }
    double a = asDouble(left);
    double b = asDouble(right);
    if (op.isComparison()) {
      return new BoolV(compare(op, Double.compare(a, b)), expr, span);
    }
    double r;
    switch (op) {
      case ADD -> r = a + b;
      case SUBTRACT -> r = a - b;
      case MULTIPLY -> r = a * b;
      case DIVIDE -> r = a / b;
      case REMAINDER -> r = a % b;
      default -> r = Math.pow(a, b);
    }
    if ((op == BinaryOp.DIVIDE || op == BinaryOp.REMAINDER) && b == 0) {
      sink.error(DiagnosticCode.DIVISION_BY_ZERO, span, "division by zero");
      return null;
    }
    return new RealV(r, expr, span);
  }

  private static Value ints(BinaryOp op, long a, long b, Expr expr, SourceSpan span, DiagnosticSink sink) {
    if (op.isComparison()) {
      return new BoolV(compare(op, Long.compare(a, b)), expr, span);
    }
    if ((op == BinaryOp.DIVIDE || op == BinaryOp.REMAINDER) && b == 0) {
      sink.error(DiagnosticCode.DIVISION_BY_ZERO, span, "division by zero");
      return null;
    }
    if (op == BinaryOp.POWER && b < 0) {
      sink.error(DiagnosticCode.WRONG_TYPE, span, "an integer power needs an exponent >= 0, got " + b);
      return null;
    }
    long r;
    switch (op) {
      case ADD -> r = a + b;
      case SUBTRACT -> r = a - b;
      case MULTIPLY -> r = a * b;
      case DIVIDE -> r = a / b;
      case REMAINDER -> r = a % b;
      default -> r = power(a, b);
    }
    if (r > Integer.MAX_VALUE || r < Integer.MIN_VALUE) {
      sink.error(DiagnosticCode.INTEGER_OVERFLOW, span,
          "integer overflow: " + a + " " + op.symbol() + " " + b + " does not fit in 32 bits");
      return null;
    }
    return new IntV(r, expr, span);
  }

  /** a^b, saturating far outside the int range so the caller reports the overflow. */
  private static long power(long a, long b) {
    if (a == 0 || a == 1) {
      return b == 0 ? 1 : a;
    }
    if (a == -1) {
      return b % 2 == 0 ? 1 : -1;
    }
    long r = 1;
    for (long i = 0; i < b; i++) {
      r *= a;
      if (Math.abs(r) > Integer.MAX_VALUE) {
        return r > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      }
    }
    return r;
  }

  private static boolean compare(BinaryOp op, int c) {
    return switch (op) {
      case LESS -> c < 0;
      case LESS_OR_EQUAL -> c <= 0;
      case GREATER -> c > 0;
      case GREATER_OR_EQUAL -> c >= 0;
      case EQUAL -> c == 0;
      default -> c != 0;
    };
  }

  private static double asDouble(Value v) {
    return v instanceof IntV i ? i.value() : ((RealV) v).value();
  }
}
