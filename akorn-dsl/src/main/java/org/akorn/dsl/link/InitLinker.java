package org.akorn.dsl.link;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.InitKind;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;

/** {@code init = noise | noise(clamp = mask) | learned | given(input)}: makes the first x. */
final class InitLinker {
  private final LinkContext ctx;

  InitLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  void link(Value option, SourceSpan span) {
    String kind = Properties.optionName(option);
    if (kind == null) {
      ctx.error(DiagnosticCode.WRONG_TYPE, option.span(),
          "init must be noise, noise(clamp = MASK), learned or given(INPUT), but this is " + option.describe());
      return;
    }
    if (ctx.flow.sawInit) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span, "the initial state is already set; a model has one init");
      return;
    }
    ctx.flow.sawInit = true;
    Properties props = Properties.of(option, ctx.sink);
    Stage stage;
    switch (kind) {
      case "noise" -> stage = noise(props, span);
      case "learned" -> stage = learned(span);
      case "given" -> stage = given(props, span);
      default -> {
        ctx.error(DiagnosticCode.UNKNOWN_OPTION, option.span(),
            "unknown init '" + kind + "'; expected one of: noise, learned, given");
        return;
      }
    }
    props.finish();
    if (stage != null) {
      ctx.flow.state = stage.info().output();
      ctx.add(stage);
    }
  }

  private Shape stimulusOrReport(SourceSpan span) {
    if (ctx.flow.stimulus == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span,
          "the initial state is shaped like the stimulus c; write the stem before init");
    }
    return ctx.flow.stimulus;
  }

  private Stage noise(Properties p, SourceSpan span) {
    Value clamp = p.raw("clamp");
    Shape c = stimulusOrReport(span);
    if (c == null) {
      return null;
    }
    if (clamp == null) {
      return new Stage.InitialState(new StageInfo("init", span, c, c, 0, 0), InitKind.NOISE, null, null);
    }
    if (!(clamp instanceof Value.InputRef ref) || ctx.inputs.get(ref.name()).kind() != InputKind.BOOL_MASK) {
      if (clamp instanceof Value.Word w) {
        ctx.error(DiagnosticCode.UNKNOWN_NAME, w.span(), "unknown input '" + w.name() + "'");
      } else {
        ctx.error(DiagnosticCode.WRONG_TYPE, clamp.span(), "clamp needs a bool mask input, but this is " + clamp.describe());
      }
      return null;
    }
    InputSpec mask = ctx.inputs.get(ref.name());
    if (!mask.shape().equals(c.spatial())) {
      ctx.error(DiagnosticCode.SHAPE_MISMATCH, clamp.span(),
          "mask '" + mask.name() + "' has shape " + mask.shape() + " but the stimulus grid is " + c.spatial());
    }
    return new Stage.InitialState(new StageInfo("init", span, c, c, 0, 0), InitKind.CLAMPED_NOISE, mask.name(), null);
  }

  private Stage learned(SourceSpan span) {
    Shape c = stimulusOrReport(span);
    if (c == null) {
      return null;
    }
    return new Stage.InitialState(new StageInfo("init", span, c, c, c.elements(), 0), InitKind.LEARNED, null, null);
  }

  private Stage given(Properties p, SourceSpan span) {
    InputSpec in = ctx.input(p, InputKind.RAW_STATE, "a raw oscillator state");
    if (in == null) {
      return null;
    }
    Shape c = ctx.flow.stimulus;
    if (c != null && !c.equals(in.shape())) {
      ctx.error(DiagnosticCode.SHAPE_MISMATCH, span,
          "state input '" + in.name() + "' has shape " + in.shape() + " but the stimulus c is " + c);
    }
    return new Stage.InitialState(new StageInfo("init", span, in.shape(), in.shape(), 0, 0), InitKind.GIVEN, null, in.name());
  }
}
