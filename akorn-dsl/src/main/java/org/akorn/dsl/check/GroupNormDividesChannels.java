package org.akorn.dsl.check;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.BlockNorm;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage;

/** {@code norm = group} in read-out blocks is GroupNorm with 8 groups: channels divisible by 8. */
final class GroupNormDividesChannels implements ModelRule {
  static final int GROUPS = 8;

  @Override
  public void check(ModelSpec model, DiagnosticSink sink) {
    for (Stage s : model.stages()) {
      if (s instanceof Stage.FeedForward f && f.norm() == BlockNorm.GROUP) {
        require(f.info().input().channels(), s.info().span(), sink);
        require(f.hidden().value(), f.hidden().span(), sink);
      } else if (s instanceof Stage.NormReluConv n && n.norm() == BlockNorm.GROUP) {
        require(n.info().input().channels(), s.info().span(), sink);
      }
    }
  }

  private static void require(long channels, SourceSpan span, DiagnosticSink sink) {
    if (channels % GROUPS != 0) {
      sink.error(DiagnosticCode.GROUPS_DO_NOT_DIVIDE_CHANNELS, span,
          "norm = group uses " + GROUPS + " groups, which do not divide " + channels + " channels");
    }
  }
}
