package org.akorn.dsl.link;

import java.util.LinkedHashMap;
import java.util.Map;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.link.Value.*;

/** Reads option words ({@code gta}, {@code group}, {@code max}) into enum constants. */
final class Options<E> {
  private final String what;
  private final Map<String, E> byWord = new LinkedHashMap<>();

  private Options(String what) {
    this.what = what;
  }

  static <E> Options<E> named(String what) {
    return new Options<>(what);
  }

  Options<E> with(String word, E value) {
    byWord.put(word, value);
    return this;
  }

  /** The option for a bare word or a call's name; reports and returns null otherwise. */
  E read(Value v, DiagnosticSink sink) {
    String word = Properties.optionName(v);
    if (word != null && byWord.containsKey(word)) {
      return byWord.get(word);
    }
    String expected = "expected one of: " + String.join(", ", byWord.keySet());
    if (word != null) {
      sink.error(DiagnosticCode.UNKNOWN_OPTION, v.span(), "unknown " + what + " '" + word + "'; " + expected);
    } else {
      sink.error(DiagnosticCode.WRONG_TYPE, v.span(), what + " must be a word, but this is " + v.describe() + "; " + expected);
    }
    return null;
  }

  /** Reads property {@code name}, or the fallback when it is absent. */
  E read(Properties props, String name, E fallback, DiagnosticSink sink) {
    Value v = props.raw(name);
    return v == null ? fallback : read(v, sink);
  }
}
