package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** The step size gamma is positive. */
final class GammaPositive implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      double g = l.gamma().value().value();
      if (!(g > 0)) {
        sink.error(DiagnosticCode.GAMMA_NOT_POSITIVE, l.gamma().value().span(),
            "gamma must be greater than 0, but is " + g);
      }
    }
  }
}
