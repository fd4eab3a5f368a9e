package org.akorn.dsl.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The source expression behind a number in the {@link ModelSpec}: a small immutable tree over
 * literals and hyper-parameter names, so a code generator can emit the same computation over its
 * builder fields (e.g. {@code ch * 2} becomes {@code this.ch * 2}). Loop variables of
 * {@code repeat} are already replaced by their literal value for that repetition.
 *
 * <p>Arithmetic: integer operations are on {@code long} with {@code /} truncating, {@code ^} is a
 * power; an integer mixed with a real gives a real. Comparisons give booleans.
 */
public sealed interface Expr {

  /** The expression in {@code .akorn} syntax, fully parenthesised where needed. */
  String render();

  record IntLiteral(long value) implements Expr {
    @Override
    public String render() {
      return Long.toString(value);
    }
  }

  record RealLiteral(double value) implements Expr {
    @Override
    public String render() {
      return Double.toString(value);
    }
  }

  record BoolLiteral(boolean value) implements Expr {
    @Override
    public String render() {
      return Boolean.toString(value);
    }
  }

  /** A reference to a hyper-parameter ({@link HyperParameter#name()}). */
  record ParamRef(String name) implements Expr {
    @Override
    public String render() {
      return name;
    }
  }

  record ListLiteral(List<Expr> items) implements Expr {
    public ListLiteral {
      items = List.copyOf(items);
    }

    @Override
    public String render() {
      return items.stream().map(Expr::render).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /** {@code list[index]}; index is zero-based. */
  record Index(Expr list, Expr index) implements Expr {
    @Override
    public String render() {
      return list.render() + "[" + index.render() + "]";
    }
  }

  record Negate(Expr operand) implements Expr {
    @Override
    public String render() {
      return "-" + wrap(operand);
    }
  }

  record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    @Override
    public String render() {
      return wrap(left) + " " + op.symbol() + " " + wrap(right);
    }
  }

  private static String wrap(Expr e) {
    return e instanceof Binary || e instanceof Negate ? "(" + e.render() + ")" : e.render();
  }
}
