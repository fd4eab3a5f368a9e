package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** A layer runs at least one Kuramoto step. */
final class StepsAtLeastOne implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.steps().value() < 1) {
        sink.error(DiagnosticCode.STEPS_BELOW_ONE, l.steps().span(),
            "steps must be at least 1, but is " + l.steps().value());
      }
    }
  }
}
