package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** Attention splits the channels evenly across heads. */
final class HeadsDivideChannels implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.coupling() instanceof Coupling.Attention a && l.channels().value() % a.heads().value() != 0) {
        sink.error(DiagnosticCode.HEADS_DO_NOT_DIVIDE_CHANNELS, a.heads().span(),
            "heads " + a.heads().value() + " do not divide channels " + l.channels().value());
      }
    }
    for (Stage s : model.stages()) {
      if (s instanceof Stage.SelfAttention a && a.info().input().channels() % a.heads().value() != 0) {
        sink.error(DiagnosticCode.HEADS_DO_NOT_DIVIDE_CHANNELS, a.heads().span(),
            "heads " + a.heads().value() + " do not divide channels " + a.info().input().channels());
      }
    }
  }
}
