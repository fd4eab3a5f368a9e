package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.OmegaKind;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** Omega rotates channel pairs, so every oscillator must have an even number of components. */
final class OmegaNeedsEvenN implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.omega().kind() != OmegaKind.NONE && l.n().value() % 2 != 0) {
        sink.error(DiagnosticCode.OMEGA_NEEDS_EVEN_N, l.n().span(),
            "omega rotates pairs of channels, so n must be even, but n = " + l.n().value());
      }
    }
  }
}
