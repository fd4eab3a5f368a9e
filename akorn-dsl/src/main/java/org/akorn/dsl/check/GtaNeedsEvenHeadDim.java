package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** GTA rotates feature pairs inside each head, so the head dimension C / heads must be even. */
final class GtaNeedsEvenHeadDim implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.coupling() instanceof Coupling.Attention a && a.positional() == Positional.GTA) {
        require(l.channels().value(), a.heads(), sink);
      }
    }
    for (Stage s : model.stages()) {
      if (s instanceof Stage.SelfAttention a && a.positional() == Positional.GTA) {
        require(a.info().input().channels(), a.heads(), sink);
      }
    }
  }

  private static void require(long c, IntValue heads, DiagnosticSink sink) {
    long h = heads.value();
    if (c % h == 0 && (c / h) % 2 != 0) {
      sink.error(DiagnosticCode.GTA_NEEDS_EVEN_HEAD_DIM, heads.span(),
          "positional = gta needs an even head dimension, but channels " + c + " / heads " + h + " = " + (c / h));
    }
  }
}
