package org.akorn.dsl.link;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Stage;
import java.util.Map;

/** Shared by the stage linkers of one model: diagnostics, names, the flow of shapes. */
final class LinkContext {
  final DiagnosticSink sink;
  final Scope scope;
  final ExprEvaluator evaluator;
  final FlowState flow = new FlowState();
  final Map<String, InputSpec> inputs = new java.util.LinkedHashMap<>();

  LinkContext(DiagnosticSink sink) {
    this.sink = sink;
    this.scope = new Scope();
    this.evaluator = new ExprEvaluator(scope, sink);
  }

  void error(DiagnosticCode code, SourceSpan span, String message) {
    if (code == DiagnosticCode.STAGE_OUT_OF_ORDER && flow.broken) {
      return;
    }
    sink.error(code, span, message);
  }

  void add(Stage stage) {
    flow.stages.add(stage);
  }

  /** Reads an integer property that must be at least 1 (sizes, counts); null after an error. */
  IntValue positive(Properties props, String name, Long fallback) {
    IntValue v = fallback == null ? props.requireInt(name) : props.optInt(name, fallback);
    if (v != null && v.value() < 1) {
      error(DiagnosticCode.VALUE_NOT_POSITIVE, v.span(),
          "property '" + name + "' of " + props.owner() + " must be at least 1, but is " + v.value());
      return null;
    }
    return v;
  }

  /**
   * Resolves the input a stem or init names (first positional argument or property
   * {@code input}) and checks its kind; null after an error.
   */
  InputSpec input(Properties props, InputKind expected, String kindWord) {
    Value v = props.nextPositional();
    if (v == null) {
      v = props.require("input");
      if (v == null) {
        return null;
      }
    }
    if (!(v instanceof Value.InputRef ref)) {
      if (v instanceof Value.Word w) {
        error(DiagnosticCode.UNKNOWN_NAME, w.span(), "unknown input '" + w.name() + "'");
      } else {
        error(DiagnosticCode.WRONG_TYPE, v.span(),
            props.owner() + " needs an input name here, but this is " + v.describe());
      }
      return null;
    }
    InputSpec in = inputs.get(ref.name());
    if (in.kind() != expected) {
      error(DiagnosticCode.WRONG_TYPE, v.span(),
          props.owner() + " needs " + kindWord + " input, but '" + in.name() + "' is " + InputKinds.describe(in.kind()));
      return null;
    }
    return in;
  }
}
