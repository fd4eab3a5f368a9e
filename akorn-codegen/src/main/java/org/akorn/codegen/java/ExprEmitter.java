package org.akorn.codegen.java;

import com.palantir.javapoet.CodeBlock;
import java.util.Map;
import org.akorn.dsl.model.BinaryOp;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.Flag;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.RealValue;

/**
 * Emits an {@link Expr} as a Java expression over the model's hyper-parameter fields ({@code
 * this.ch * 2}). Integer arithmetic stays {@code int}; {@code ^} becomes an exact integer power;
 * list indexing becomes {@code get}.
 */
final class ExprEmitter {
  private final Map<String, String> fields;

  /** @param fields hyper-parameter name to its Java field name */
  ExprEmitter(Map<String, String> fields) {
    this.fields = fields;
  }

  CodeBlock intValue(IntValue v) {
    return emit(v.expr());
  }

  CodeBlock flag(Flag f) {
    return emit(f.expr());
  }

  /** A {@code float} expression: a literal gets an {@code f} suffix, anything else a cast. */
  CodeBlock floatValue(RealValue v) {
    return asFloat(v.expr());
  }

  CodeBlock asFloat(Expr e) {
    if (e instanceof Expr.RealLiteral r) {
      return CodeBlock.of("$Lf", Float.toString((float) r.value()));
    }
    if (e instanceof Expr.IntLiteral i) {
      return CodeBlock.of("$Lf", i.value());
    }
    return CodeBlock.of("(float) $L", wrap(e));
  }

  CodeBlock emit(Expr e) {
    if (e instanceof Expr.IntLiteral i) {
      return CodeBlock.of("$L", i.value() > Integer.MAX_VALUE || i.value() < Integer.MIN_VALUE ? i.value() + "L" : Long.toString(i.value()));
    }
    if (e instanceof Expr.RealLiteral r) {
      return CodeBlock.of("$L", Double.toString(r.value()));
    }
    if (e instanceof Expr.BoolLiteral b) {
      return CodeBlock.of("$L", b.value());
    }
    if (e instanceof Expr.ParamRef p) {
      return CodeBlock.of("this.$N", fields.get(p.name()));
    }
    if (e instanceof Expr.ListLiteral l) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", java.util.List.class);
      for (int i = 0; i < l.items().size(); i++) {
        b.add(i == 0 ? "$L" : ", $L", emit(l.items().get(i)));
      }
      return b.add(")").build();
    }
    if (e instanceof Expr.Index ix) {
      return CodeBlock.of("$L.get($L)", wrap(ix.list()), emit(ix.index()));
    }
    if (e instanceof Expr.Negate n) {
      return CodeBlock.of("-$L", wrap(n.operand()));
    }
    Expr.Binary bin = (Expr.Binary) e;
    Long folded = fold(bin);
    if (folded != null) {
      return emit(new Expr.IntLiteral(folded));
    }
    if (bin.op() == BinaryOp.MULTIPLY && isOne(bin.right())) {
      return emit(bin.left());
    }
    if (bin.op() == BinaryOp.MULTIPLY && isOne(bin.left())) {
      return emit(bin.right());
    }
    if (bin.op() == BinaryOp.POWER) {
      return CodeBlock.of("(int) $T.pow($L, $L)", Math.class, emit(bin.left()), emit(bin.right()));
    }
    return CodeBlock.of("$L $L $L", wrap(bin.left()), bin.op().symbol(), wrap(bin.right()));
  }

  /** The value of integer arithmetic over literals only ({@code 2 ^ 1}), else null. */
  static Long fold(Expr e) {
    if (e instanceof Expr.IntLiteral i) {
      return i.value();
    }
    if (!(e instanceof Expr.Binary b) || b.op().isComparison()) {
      return null;
    }
    Long l = fold(b.left());
    Long r = fold(b.right());
    if (l == null || r == null) {
      return null;
    }
    return switch (b.op()) {
      case ADD -> l + r;
      case SUBTRACT -> l - r;
      case MULTIPLY -> l * r;
      case DIVIDE -> r == 0 ? null : l / r;
      case REMAINDER -> r == 0 ? null : l % r;
      case POWER -> r < 0 || r > 62 ? null : power(l, r);
      default -> null;
    };
  }

  private static long power(long base, long exp) {
    long result = 1;
    for (long i = 0; i < exp; i++) {
      result *= base;
    }
    return result;
  }

  private static boolean isOne(Expr e) {
    Long v = fold(e);
    return v != null && v == 1;
  }

  private CodeBlock wrap(Expr e) {
    if (e instanceof Expr.Binary b && fold(b) != null) {
      return emit(e);
    }
    return e instanceof Expr.Binary b && b.op() != BinaryOp.POWER || e instanceof Expr.Negate
        ? CodeBlock.of("($L)", emit(e))
        : emit(e);
  }
}
