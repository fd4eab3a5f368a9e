package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** The channels split into oscillators of n components each. */
final class ChannelsDivisibleByN implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.channels().value() % l.n().value() != 0) {
        sink.error(DiagnosticCode.CHANNELS_NOT_DIVISIBLE_BY_N, l.channels().span(),
            "channels " + l.channels().value() + " are not divisible by n = " + l.n().value());
      }
    }
  }
}
