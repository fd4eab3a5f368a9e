package org.akorn.dsl.check;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage;

/** Same-padding convolutions (padding kernel/2) keep the shape only for odd kernel sizes. */
final class KernelsAreOdd implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (IntValue k : kernels(model)) {
      if (k.value() % 2 == 0) {
        sink.error(DiagnosticCode.EVEN_KERNEL, k.span(),
            "kernel size " + k.value() + " is even; use an odd size so that padding kernel/2 keeps the shape");
      }
    }
  }

  private static List<IntValue> kernels(ModelSpec model) {
    List<IntValue> out = new ArrayList<>();
    for (Stage s : model.stages()) {
      if (s instanceof Stage.ConvStem c) {
        out.add(c.kernel());
      } else if (s instanceof Stage.KuramotoLayer l && l.coupling() instanceof Coupling.Conv c) {
        out.add(c.kernel());
      } else if (s instanceof Stage.ReadoutConv r) {
        out.add(r.kernel());
      } else if (s instanceof Stage.FeedForward f) {
        out.add(f.kernel());
      } else if (s instanceof Stage.NormReluConv n) {
        out.add(n.kernel());
      } else if (s instanceof Stage.Transition t) {
        out.add(t.kernel());
      }
    }
    return out;
  }
}
