package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.Stage.KuramotoLayer;

/** GTA rotates by row and column, so it needs a [C, H, W] grid. */
final class GtaNeedsGrid implements ModelRule {
  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (KuramotoLayer l : model.layers()) {
      if (l.coupling() instanceof Coupling.Attention a && a.positional() == Positional.GTA && a.grid() == null) {
        sink.error(DiagnosticCode.GTA_NEEDS_GRID, a.heads().span(),
            "positional = gta needs a [C, H, W] grid, but the layer's shape is " + l.info().input());
      }
    }
    for (Stage s : model.stages()) {
      if (s instanceof Stage.SelfAttention a && a.positional() == Positional.GTA && a.grid() == null) {
        sink.error(DiagnosticCode.GTA_NEEDS_GRID, a.heads().span(),
            "positional = gta needs a [C, H, W] grid, but c is " + a.info().input());
      }
    }
  }
}
