package org.akorn.dsl.link;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.Expr;

/** The result of evaluating an expression at link time. */
sealed interface Value {
  SourceSpan span();

  /** How the value's type reads in messages ("an integer", "a call to attention(...)"). */
  String describe();

  record IntV(long value, Expr expr, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "an integer";
    }
  }

  record RealV(double value, Expr expr, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "a number";
    }
  }

  record BoolV(boolean value, Expr expr, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "a boolean";
    }
  }

  record ListV(List<Value> items, Expr expr, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "a list";
    }
  }

  record StringV(String value, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "a string";
    }
  }

  /** A bare word that is not a parameter, loop variable or input: an option such as gta. */
  record Word(String name, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "the word '" + name + "'";
    }
  }

  /** A reference to a model input. */
  record InputRef(String name, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "the input '" + name + "'";
    }
  }

  /** {@code name(args)} — an option with arguments, evaluated eagerly. */
  record CallV(String name, List<ArgV> args, SourceSpan span) implements Value {
    @Override
    public String describe() {
      return "a call to " + name + "(...)";
    }
  }

  /** A call argument, {@code name} null when positional. */
  record ArgV(String name, Value value, SourceSpan span) {}
}
