package org.akorn.dsl.link;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.Flag;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.RealValue;
import org.akorn.dsl.link.Value.*;

/**
 * The named (and positional) arguments of a call such as {@code attention(heads = 8)} or the
 * properties of a stage block. Typed getters report missing properties and wrong types;
 * {@link #finish()} reports properties nobody asked for. Getters return null after an error.
 */
final class Properties {
  private final String owner;
  private final SourceSpan ownerSpan;
  private final DiagnosticSink sink;
  private final Map<String, ArgV> named = new LinkedHashMap<>();
  private final List<ArgV> positional = new ArrayList<>();
  private final Set<String> asked = new LinkedHashSet<>();
  private int positionalUsed;

  Properties(String owner, SourceSpan ownerSpan, List<ArgV> args, DiagnosticSink sink) {
    this.owner = owner;
    this.ownerSpan = ownerSpan;
    this.sink = sink;
    for (ArgV a : args) {
      if (a.name() == null) {
        positional.add(a);
      } else if (named.containsKey(a.name())) {
        sink.error(DiagnosticCode.DUPLICATE_PROPERTY, a.span(),
            "property '" + a.name() + "' is given twice in " + owner);
      } else {
        named.put(a.name(), a);
      }
    }
  }

  /** Properties of an option value: a call's arguments, or none for a bare word. */
  static Properties of(Value option, DiagnosticSink sink) {
    if (option instanceof CallV c) {
      return new Properties(c.name() + "(...)", c.span(), c.args(), sink);
    }
    return new Properties(optionName(option), option.span(), List.of(), sink);
  }

  static String optionName(Value option) {
    if (option instanceof CallV c) {
      return c.name();
    }
    if (option instanceof Word w) {
      return w.name();
    }
    return null;
  }

  String owner() {
    return owner;
  }

  SourceSpan ownerSpan() {
    return ownerSpan;
  }

  /** The next positional argument, or null (without an error) when there is none. */
  Value nextPositional() {
    if (positionalUsed < positional.size()) {
      return positional.get(positionalUsed++).value();
    }
    return null;
  }

  /** The raw value of a property, or null when absent. */
  Value raw(String name) {
    asked.add(name);
    ArgV a = named.get(name);
    return a == null ? null : a.value();
  }

  Value require(String name) {
    Value v = raw(name);
    if (v == null) {
      sink.error(DiagnosticCode.MISSING_PROPERTY, ownerSpan,
          owner + " is missing the required property '" + name + "'");
    }
    return v;
  }

  IntValue requireInt(String name) {
    Value v = require(name);
    return v == null ? null : toInt(name, v);
  }

  IntValue optInt(String name, long fallback) {
    Value v = raw(name);
    return v == null ? IntValue.ofDefault(fallback, ownerSpan) : toInt(name, v);
  }

  RealValue optReal(String name, double fallback) {
    Value v = raw(name);
    return v == null ? RealValue.ofDefault(fallback, ownerSpan) : toReal(name, v);
  }

  Flag optFlag(String name, boolean fallback) {
    Value v = raw(name);
    if (v == null) {
      return Flag.ofDefault(fallback, ownerSpan);
    }
    if (v instanceof BoolV b) {
      return new Flag(b.value(), b.expr(), b.span());
    }
    wrongType(name, v, "on/off (or true/false)");
    return null;
  }

  IntValue toInt(String name, Value v) {
    if (v instanceof IntV i) {
      return new IntValue(i.value(), i.expr(), i.span());
    }
    wrongType(name, v, "an integer");
    return null;
  }

  RealValue toReal(String name, Value v) {
    if (v instanceof IntV i) {
      return new RealValue(i.value(), i.expr(), i.span());
    }
    if (v instanceof RealV r) {
      return new RealValue(r.value(), r.expr(), r.span());
    }
    wrongType(name, v, "a number");
    return null;
  }

  void wrongType(String name, Value v, String expected) {
    if (v instanceof Word w && !expected.startsWith("one of")) {
      sink.error(DiagnosticCode.UNKNOWN_NAME, w.span(), "unknown name '" + w.name() + "'");
      return;
    }
    sink.error(DiagnosticCode.WRONG_TYPE, v.span(),
        "property '" + name + "' of " + owner + " must be " + expected + ", but this is " + v.describe());
  }

  /** Reports arguments that no getter asked for. Call once, after reading everything. */
  void finish() {
    for (ArgV a : named.values()) {
      if (!asked.contains(a.name())) {
        String known = asked.isEmpty() ? "it takes no properties" : "expected one of: " + String.join(", ", asked);
        sink.error(DiagnosticCode.UNKNOWN_PROPERTY, a.span(),
            "unknown property '" + a.name() + "' for " + owner + "; " + known);
      }
    }
    for (int i = positionalUsed; i < positional.size(); i++) {
      sink.error(DiagnosticCode.UNKNOWN_PROPERTY, positional.get(i).span(),
          "unexpected positional argument for " + owner + "; write name = value");
    }
  }
}
