package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** GTA rotates feature pairs inside each head, so the head dimension C / heads must be even. */
final class GtaNeedsEvenHeadDim implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.coupling() instanceof Coupling.Attention a && a.positional() == Positional.GTA) {
        long c = l.channels().value();
        long h = a.heads().value();
        if (c % h == 0 && (c / h) % 2 != 0) {
          sink.error(DiagnosticCode.GTA_NEEDS_EVEN_HEAD_DIM, a.heads().span(),
              "positional = gta needs an even head dimension, but channels " + c + " / heads " + h + " = " + (c / h));
        }
      }
    }
  }
}
