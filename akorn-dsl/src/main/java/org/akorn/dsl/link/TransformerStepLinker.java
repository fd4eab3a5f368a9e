package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.AttentionLatent;
import org.akorn.dsl.model.Flag;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;
import org.akorn.dsl.model.TokenNorm;

/**
 * The Transformer's units as {@code features} steps on c: {@code layer_norm},
 * {@code self_attention(heads, steps, positional, norm)}, {@code gelu_mlp(hidden, norm)} and
 * {@code sincos_position(learnable)}. Each keeps the shape of c.
 */
final class TransformerStepLinker {
  static final Options<TokenNorm> NORM =
      Options.<TokenNorm>named("norm").with("layer", TokenNorm.LAYER).with("none", TokenNorm.NONE);
  private static final Options<Positional> POSITIONAL =
      Options.<Positional>named("positional").with("gta", Positional.GTA).with("none", Positional.NONE);

  private static final Options<AttentionLatent> LATENT =
      Options.<AttentionLatent>named("latent").with("input", AttentionLatent.INPUT).with("noise", AttentionLatent.NOISE);

  private final LinkContext ctx;

  TransformerStepLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  Stage layerNorm(SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    return new Stage.LayerNorm(info("layer_norm", span, c, mul(2, c.channels()), 0));
  }

  Stage selfAttention(Properties p, SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    IntValue heads = ctx.positive(p, "heads", null);
    IntValue steps = ctx.positive(p, "steps", 1L);
    Positional positional = POSITIONAL.read(p, "positional", Positional.NONE, ctx.sink);
    TokenNorm norm = NORM.read(p, "norm", TokenNorm.LAYER, ctx.sink);
    AttentionLatent latent = LATENT.read(p, "latent", AttentionLatent.INPUT, ctx.sink);
    if (heads == null || steps == null || positional == null || norm == null || latent == null) {
      return null;
    }
    long ch = c.channels();
    long positions = c.positions();
    long params = add(mul(4, ch, ch), mul(4, ch), normParams(norm, ch));
    long macs = add(mul(positions, 4, ch, ch), mul(2, positions, positions, ch));
    if (positional == Positional.GTA) {
      params = add(params, mul(8, positions, ch / heads.value()));
      macs = add(macs, mul(8, positions, ch));
    }
    Shape grid = c.hasGrid() ? c.spatial() : null;
    return new Stage.SelfAttention(info("self_attention", span, c, params, mul(macs, steps.value())),
        heads, steps, positional, norm, grid, latent);
  }

  Stage geluMlp(Properties p, SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    IntValue hidden = ctx.positive(p, "hidden", null);
    TokenNorm norm = NORM.read(p, "norm", TokenNorm.LAYER, ctx.sink);
    if (hidden == null || norm == null) {
      return null;
    }
    long ch = c.channels();
    long h = hidden.value();
    long weights = mul(2, ch, h);
    long params = add(weights, h, ch, normParams(norm, ch));
    return new Stage.GeluMlp(info("gelu_mlp", span, c, params, mul(weights, c.positions())), hidden, norm);
  }

  Stage sinCosPosition(Properties p, SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    Flag learnable = p.optFlag("learnable", true);
    if (learnable == null) {
      return null;
    }
    if (!c.hasGrid()) {
      ctx.error(DiagnosticCode.CONV_NEEDS_GRID, span,
          "sincos_position encodes rows and columns, so it needs a [C, H, W] grid, but c is " + c);
      return null;
    }
    if (c.channels() % 4 != 0) {
      ctx.error(DiagnosticCode.POSITION_CHANNELS, span,
          "sincos_position needs channels divisible by 4 (sin and cos of rows and of columns), but c has "
              + c.channels());
      return null;
    }
    long params = learnable.value() ? mul(c.positions(), c.channels()) : 0;
    return new Stage.SinCosPosition(info("sincos_position", span, c, params, 0), learnable);
  }

  private StageInfo info(String kind, SourceSpan span, Shape c, long params, long macs) {
    return new StageInfo(ctx.flow.nextName(kind), span, c, c, params, macs);
  }

  static long normParams(TokenNorm norm, long channels) {
    return norm == TokenNorm.NONE ? 0 : mul(2, channels);
  }
}
