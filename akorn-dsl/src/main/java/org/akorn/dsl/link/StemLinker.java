package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.Flag;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;

/** {@code stem = embedding(...) | patchify(...) | conv(...) | identity(...)}: makes c. */
final class StemLinker {
  private final LinkContext ctx;

  StemLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  void link(Value option, SourceSpan span) {
    if (ctx.flow.sawStem) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span, "a model has exactly one stem; this is a second one");
      return;
    }
    ctx.flow.sawStem = true;
    Properties props = Properties.of(option, ctx.sink);
    String kind = Properties.optionName(option);
    Stage stage = null;
    if (kind == null) {
      ctx.error(DiagnosticCode.WRONG_TYPE, option.span(),
          "stem must be embedding(...), patchify(...), conv(...) or identity(...), but this is " + option.describe());
      return;
    }
    switch (kind) {
      case "embedding" -> stage = embedding(props, span);
      case "patchify" -> stage = patchify(props, span);
      case "conv" -> stage = conv(props, span);
      case "identity" -> stage = identity(props, span);
      default -> {
        ctx.error(DiagnosticCode.UNKNOWN_OPTION, option.span(),
            "unknown stem '" + kind + "'; expected one of: embedding, patchify, conv, identity");
        return;
      }
    }
    props.finish();
    if (stage != null) {
      ctx.flow.stimulus = stage.info().output();
      ctx.add(stage);
    }
  }

  private Stage embedding(Properties p, SourceSpan span) {
    InputSpec in = ctx.input(p, InputKind.INT_GRID, "an int grid");
    IntValue vocab = ctx.positive(p, "vocab", null);
    IntValue dim = ctx.positive(p, "dim", null);
    if (in == null || vocab == null || dim == null) {
      return null;
    }
    if (in.max() != null && in.max().value() >= vocab.value()) {
      ctx.error(DiagnosticCode.VOCAB_TOO_SMALL, vocab.span(),
          "vocab " + vocab.value() + " does not cover the values " + in.min().value() + ".." + in.max().value()
              + " of input '" + in.name() + "'; it must be at least " + (in.max().value() + 1));
    }
    Shape out = Shape.of(dim.value(), in.shape().dim(0), in.shape().dim(1));
    StageInfo info = new StageInfo("stem", span, in.shape(), out, mul(vocab.value(), dim.value()), 0);
    return new Stage.EmbeddingStem(info, in.name(), vocab, dim);
  }

  private Stage patchify(Properties p, SourceSpan span) {
    InputSpec in = ctx.input(p, InputKind.FLOAT_IMAGE, "a float image");
    IntValue patch = ctx.positive(p, "patch", null);
    IntValue channels = ctx.positive(p, "channels", null);
    Flag normalize = p.optFlag("normalize", true);
    if (in == null || patch == null || channels == null || normalize == null) {
      return null;
    }
    Shape s = in.shape();
    long k = patch.value();
    Shape out = Shape.of(channels.value(), s.dim(1) / k, s.dim(2) / k);
    long weights = mul(s.dim(0), channels.value(), k, k);
    StageInfo info = new StageInfo("stem", span, s, out, add(weights, channels.value()), mul(weights, out.positions()));
    return new Stage.PatchifyStem(info, in.name(), patch, channels, normalize);
  }

  private Stage conv(Properties p, SourceSpan span) {
    InputSpec in = ctx.input(p, InputKind.FLOAT_IMAGE, "a float image");
    IntValue channels = ctx.positive(p, "channels", null);
    IntValue kernel = ctx.positive(p, "kernel", null);
    Flag bias = p.optFlag("bias", true);
    Flag normalize = p.optFlag("normalize", true);
    if (in == null || channels == null || kernel == null || bias == null || normalize == null) {
      return null;
    }
    Shape s = in.shape();
    Shape out = s.withChannels(channels.value());
    long weights = mul(s.dim(0), channels.value(), kernel.value(), kernel.value());
    long params = add(weights, bias.value() ? channels.value() : 0);
    StageInfo info = new StageInfo("stem", span, s, out, params, mul(weights, out.positions()));
    return new Stage.ConvStem(info, in.name(), channels, kernel, bias, normalize);
  }

  private Stage identity(Properties p, SourceSpan span) {
    InputSpec in = ctx.input(p, InputKind.RAW_STIMULUS, "a raw stimulus");
    if (in == null) {
      return null;
    }
    return new Stage.IdentityStem(new StageInfo("stem", span, in.shape(), in.shape(), 0, 0), in.name());
  }
}
