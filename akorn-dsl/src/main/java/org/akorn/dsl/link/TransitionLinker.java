package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.NextStateSource;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;

/**
 * {@code transition = conv(kernel, stride, channels);} (one conv applied to x and c) and
 * {@code next_x = last_state | noise | readout;}.
 */
final class TransitionLinker {
  private static final Options<NextStateSource> NEXT =
      Options.<NextStateSource>named("next_x")
          .with("last_state", NextStateSource.LAST_STATE)
          .with("noise", NextStateSource.NOISE)
          .with("readout", NextStateSource.READOUT);

  private final LinkContext ctx;

  TransitionLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  void transition(Value option, SourceSpan span) {
    String kind = Properties.optionName(option);
    if (!"conv".equals(kind)) {
      ctx.error(kind == null ? DiagnosticCode.WRONG_TYPE : DiagnosticCode.UNKNOWN_OPTION, option.span(),
          "a transition is conv(kernel = K, stride = S, channels = C), but this is " + option.describe());
      return;
    }
    Properties p = Properties.of(option, ctx.sink);
    IntValue kernel = ctx.positive(p, "kernel", null);
    IntValue stride = ctx.positive(p, "stride", 1L);
    IntValue channels = ctx.positive(p, "channels", null);
    p.finish();
    Shape x = ctx.flow.state;
    Shape c = ctx.flow.stimulus;
    if (x == null || c == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span,
          "a transition maps both x and c; it needs a layer (or init) and a stem before it");
      return;
    }
    if (kernel == null || stride == null || channels == null) {
      return;
    }
    if (!x.equals(c)) {
      ctx.error(DiagnosticCode.SHAPE_MISMATCH, span,
          "a transition applies one conv to x and c, but x is " + x + " and c is " + c);
      return;
    }
    if (!x.hasGrid()) {
      ctx.error(DiagnosticCode.CONV_NEEDS_GRID, span, "a transition conv needs a [C, H, W] grid, but x is " + x);
      return;
    }
    long k = kernel.value();
    long s = stride.value();
    long pad = k / 2;
    Shape out = Shape.of(channels.value(), (x.dim(1) + 2 * pad - k) / s + 1, (x.dim(2) + 2 * pad - k) / s + 1);
    long weights = mul(x.channels(), channels.value(), k, k);
    long macs = mul(2, weights, out.positions());
    StageInfo info = new StageInfo(ctx.flow.nextName("transition"), span, x, out, add(weights, channels.value()), macs);
    ctx.add(new Stage.Transition(info, kernel, stride, channels));
    ctx.flow.state = out;
    ctx.flow.stimulus = out;
  }

  void nextState(Value option, SourceSpan span) {
    NextStateSource source = NEXT.read(option, ctx.sink);
    if (source == null) {
      return;
    }
    Shape x = ctx.flow.state;
    if (x == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span, "next_x replaces x; it needs a layer (or init) before it");
      return;
    }
    Shape c = ctx.flow.stimulus;
    if (source == NextStateSource.READOUT && c == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span, "next_x = readout needs a stimulus c; write a stem or readout before it");
      return;
    }
    Shape out = source == NextStateSource.LAST_STATE || c == null ? x : c;
    ctx.add(new Stage.NextState(new StageInfo(ctx.flow.nextName("next_x"), span, x, out, 0, 0), source));
    ctx.flow.state = out;
  }
}
