package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import java.util.List;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.BlockNorm;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;

/**
 * {@code readout = readout(N = n, kernel = k) -> feedforward(...) -> norm_relu_conv(...);}: maps
 * the oscillators x to the next stimulus c, then refines c.
 */
final class ReadoutLinker {
  static final Options<BlockNorm> NORM =
      Options.<BlockNorm>named("norm")
          .with("batch", BlockNorm.BATCH)
          .with("group", BlockNorm.GROUP)
          .with("none", BlockNorm.NONE);

  /** The steps a {@code features} chain takes, in message order. */
  static final String FEATURE_STEPS =
      "norm_relu_conv, feedforward, layer_norm, self_attention, gelu_mlp, sincos_position";

  private final LinkContext ctx;

  ReadoutLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  void link(List<Value> chain, SourceSpan span) {
    for (int i = 0; i < chain.size(); i++) {
      Value option = chain.get(i);
      String kind = Properties.optionName(option);
      if (kind == null) {
        ctx.error(DiagnosticCode.WRONG_TYPE, option.span(),
            "a read-out step must be readout(...), feedforward(...) or norm_relu_conv(...), but this is "
                + option.describe());
        return;
      }
      if (i == 0 && !kind.equals("readout")) {
        ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, option.span(),
            "a read-out chain starts with readout(...), which maps the oscillators to the stimulus");
        return;
      }
      if (i > 0 && kind.equals("readout")) {
        ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, option.span(),
            "readout(...) can only start a read-out chain");
        return;
      }
      if (!addStep(kind, option, "read-out", "readout, feedforward, norm_relu_conv")) {
        return;
      }
    }
  }

  /**
   * {@code features = norm_relu_conv(...) -> feedforward(...) -> ...;}: ordinary units that
   * transform the stimulus c (e.g. a plain convolutional network between the stem and the head).
   */
  void features(List<Value> chain, SourceSpan span) {
    if (ctx.flow.stimulus == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span,
          "features transform the stimulus c; write a stem before them");
      return;
    }
    for (Value option : chain) {
      String kind = Properties.optionName(option);
      if (kind == null) {
        ctx.error(DiagnosticCode.WRONG_TYPE, option.span(),
            "a features step must be one of " + FEATURE_STEPS + ", but this is " + option.describe());
        return;
      }
      if (!addStep(kind, option, "features", FEATURE_STEPS)) {
        return;
      }
    }
  }

  /**
   * Links one step of a chain and adds it; the step becomes the stimulus.
   *
   * @param what the chain's name in messages
   * @param expected the step kinds this chain takes, in message order
   * @return false when the step failed (the chain stops)
   */
  private boolean addStep(String kind, Value option, String what, String expected) {
    if (!List.of(expected.split(", ")).contains(kind)) {
      ctx.error(DiagnosticCode.UNKNOWN_OPTION, option.span(),
          "unknown " + what + " step '" + kind + "'; expected one of: " + expected);
      return false;
    }
    Properties p = Properties.of(option, ctx.sink);
    TransformerStepLinker units = new TransformerStepLinker(ctx);
    Stage stage = switch (kind) {
      case "readout" -> readout(p, option.span());
      case "feedforward" -> feedForward(p, option.span());
      case "layer_norm" -> units.layerNorm(option.span());
      case "self_attention" -> units.selfAttention(p, option.span());
      case "gelu_mlp" -> units.geluMlp(p, option.span());
      case "sincos_position" -> units.sinCosPosition(p, option.span());
      default -> normReluConv(p, option.span());
    };
    p.finish();
    if (stage == null) {
      return false;
    }
    ctx.flow.stimulus = stage.info().output();
    ctx.add(stage);
    return true;
  }

  private Stage readout(Properties p, SourceSpan span) {
    Shape x = ctx.flow.state;
    IntValue group = ctx.positive(p, "N", null);
    IntValue kernel = ctx.positive(p, "kernel", 1L);
    IntValue channels = ctx.positive(p, "channels", x == null ? 1L : x.channels());
    if (x == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span,
          "readout(...) reads the oscillators x; write a layer (or init) before it");
      return null;
    }
    if (group == null || kernel == null || channels == null) {
      return null;
    }
    long out = channels.value();
    long weights = mul(x.channels(), out, group.value(), kernel.value(), kernel.value());
    long params = add(weights, mul(out, group.value()), out);
    Shape outShape = x.withChannels(out);
    StageInfo info = new StageInfo(ctx.flow.nextName("readout"), span, x, outShape, params, mul(weights, x.positions()));
    return new Stage.ReadoutConv(info, group, kernel, channels);
  }

  private Stage feedForward(Properties p, SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    IntValue hidden = ctx.positive(p, "hidden", c.channels());
    IntValue kernel = ctx.positive(p, "kernel", 1L);
    BlockNorm norm = NORM.read(p, "norm", BlockNorm.NONE, ctx.sink);
    if (hidden == null || kernel == null || norm == null) {
      return null;
    }
    long ch = c.channels();
    long h = hidden.value();
    long k2 = mul(kernel.value(), kernel.value());
    long weights = add(mul(ch, h, k2), mul(h, ch, k2));
    long params = add(weights, h, ch, normParams(norm, ch), normParams(norm, h));
    StageInfo info = new StageInfo(ctx.flow.nextName("feedforward"), span, c, c, params, mul(weights, c.positions()));
    return new Stage.FeedForward(info, hidden, kernel, norm);
  }

  private Stage normReluConv(Properties p, SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    IntValue kernel = ctx.positive(p, "kernel", 1L);
    BlockNorm norm = NORM.read(p, "norm", BlockNorm.NONE, ctx.sink);
    IntValue channels = ctx.positive(p, "channels", c.channels());
    IntValue stride = ctx.positive(p, "stride", 1L);
    if (kernel == null || norm == null || channels == null || stride == null) {
      return null;
    }
    long weights = mul(c.channels(), channels.value(), kernel.value(), kernel.value());
    long params = add(weights, channels.value(), normParams(norm, c.channels()));
    Shape out = c.withChannels(channels.value());
    if (stride.value() > 1) {
      if (!c.hasGrid()) {
        ctx.error(DiagnosticCode.CONV_NEEDS_GRID, span,
            "a strided norm_relu_conv needs a [C, H, W] grid, but c is " + c);
        return null;
      }
      long k = kernel.value();
      long pad = k / 2;
      long s = stride.value();
      out = Shape.of(channels.value(), (c.dim(1) + 2 * pad - k) / s + 1,
          (c.dim(2) + 2 * pad - k) / s + 1);
    }
    StageInfo info = new StageInfo(ctx.flow.nextName("norm_relu_conv"), span, c, out, params,
        mul(weights, out.positions()));
    return new Stage.NormReluConv(info, kernel, norm, channels, stride);
  }

  static long normParams(BlockNorm norm, long channels) {
    return norm == BlockNorm.NONE ? 0 : mul(2, channels);
  }
}
