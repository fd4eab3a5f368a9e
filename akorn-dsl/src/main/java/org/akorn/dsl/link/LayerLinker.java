package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.Flag;
import org.akorn.dsl.model.Gamma;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Omega;
import org.akorn.dsl.model.OmegaKind;
import org.akorn.dsl.model.RealValue;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;
import org.akorn.dsl.model.StimulusNorm;

/** {@code layer name? { n = ..; channels = ..; steps = ..; connectivity = ..; ... }}. */
final class LayerLinker {
  private static final Options<OmegaKind> OMEGA =
      Options.<OmegaKind>named("omega")
          .with("none", OmegaKind.NONE)
          .with("global", OmegaKind.GLOBAL)
          .with("per_pair", OmegaKind.PER_PAIR);
  private static final Options<StimulusNorm> C_NORM =
      Options.<StimulusNorm>named("c_norm")
          .with("group", StimulusNorm.GROUP)
          .with("scale_bias", StimulusNorm.SCALE_BIAS)
          .with("none", StimulusNorm.NONE);

  private final LinkContext ctx;

  LayerLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  void link(Properties p, String name, SourceSpan span) {
    IntValue n = ctx.positive(p, "n", null);
    IntValue channels = ctx.positive(p, "channels", null);
    IntValue steps = p.requireInt("steps");
    Gamma gamma = gamma(p);
    Value connectivity = p.require("connectivity");
    Omega omega = omega(p);
    StimulusNorm cNorm = C_NORM.read(p, "c_norm", StimulusNorm.NONE, ctx.sink);
    Flag projection = p.optFlag("projection", true);
    Shape shape = flowShape(channels, span);
    Coupling coupling = null;
    long couplingParams = 0;
    long macs = 0;
    if (connectivity != null) {
      // Without a known shape the option is still checked, against a placeholder grid.
      Shape checked = shape != null ? shape : Shape.of(channels == null ? 1 : channels.value(), 1, 1);
      CouplingLinker.Result r = new CouplingLinker(ctx).link(connectivity, checked);
      if (r != null) {
        coupling = r.coupling();
        couplingParams = r.parameters();
        macs = r.macsPerStep();
      }
    }
    p.finish();
    if (n == null || channels == null || steps == null || gamma == null || coupling == null
        || omega == null || cNorm == null || projection == null || shape == null) {
      return;
    }
    long c = channels.value();
    long omegaParams =
        !omega.learnable().value() ? 0 : switch (omega.kind()) {
          case NONE -> 0;
          case GLOBAL -> 2;
          case PER_PAIR -> mul(c / 2, 2);
        };
    long normParams = cNorm == StimulusNorm.NONE ? 0 : mul(2, c);
    long params = add(couplingParams, omegaParams, normParams, gamma.learnable().value() ? 1 : 0);
    int index = ctx.flow.layerCount++;
    String display = name != null ? name : "layer " + (index + 1);
    if (name != null && ctx.flow.stages.stream().anyMatch(st -> st.info().name().equals(name))) {
      display = name + " " + (index + 1); // a named layer inside repeat: one name per repetition
    }
    StageInfo info = new StageInfo(display, span, shape, shape, params, macs);
    ctx.add(new Stage.KuramotoLayer(info, index, n, channels, steps, gamma, coupling, omega, cNorm, projection));
  }

  /** The shape the layer runs on: x and c must both exist and have {@code channels} channels. */
  private Shape flowShape(IntValue channels, SourceSpan span) {
    Shape c = ctx.flow.stimulus;
    Shape x = ctx.flow.state;
    if (c == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span, "a layer needs a stimulus c; write a stem before it");
      return null;
    }
    if (x == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, span,
          "a layer needs an initial state x; write 'init = noise;' before it");
      return null;
    }
    if (channels == null) {
      return null;
    }
    if (c.channels() != channels.value()) {
      ctx.error(DiagnosticCode.SHAPE_MISMATCH, channels.span(),
          "layer has " + channels.value() + " channels but its stimulus c is " + c);
      return null;
    }
    if (!x.equals(c)) {
      ctx.error(DiagnosticCode.SHAPE_MISMATCH, span, "the oscillators x are " + x + " but the stimulus c is " + c);
      return null;
    }
    return c;
  }

  private Gamma gamma(Properties p) {
    Value v = p.raw("gamma");
    if (v == null) {
      return new Gamma(RealValue.ofDefault(1.0, p.ownerSpan()), Flag.ofDefault(false, p.ownerSpan()));
    }
    if (v instanceof Value.CallV call && (call.name().equals("learnable") || call.name().equals("fixed"))) {
      Properties args = Properties.of(call, ctx.sink);
      Value init = args.nextPositional();
      RealValue value = init != null ? args.toReal("init", init) : args.optReal("init", 1.0);
      args.finish();
      if (value == null) {
        return null;
      }
      boolean learnable = call.name().equals("learnable");
      return new Gamma(value, new Flag(learnable, new org.akorn.dsl.model.Expr.BoolLiteral(learnable), call.span()));
    }
    if (v instanceof Value.CallV call) {
      ctx.error(DiagnosticCode.UNKNOWN_OPTION, call.span(),
          "unknown gamma '" + call.name() + "'; expected a number, learnable(VALUE) or fixed(VALUE)");
      return null;
    }
    RealValue value = p.toReal("gamma", v);
    return value == null ? null : new Gamma(value, Flag.ofDefault(false, v.span()));
  }

  private Omega omega(Properties p) {
    Value v = p.raw("omega");
    if (v == null) {
      return new Omega(OmegaKind.NONE, RealValue.ofDefault(0, p.ownerSpan()), Flag.ofDefault(false, p.ownerSpan()));
    }
    OmegaKind kind = OMEGA.read(v, ctx.sink);
    if (kind == null) {
      return null;
    }
    Properties args = Properties.of(v, ctx.sink);
    RealValue init = kind == OmegaKind.NONE ? RealValue.ofDefault(0, v.span()) : args.optReal("init", 1.0);
    Flag learnable = kind == OmegaKind.NONE ? Flag.ofDefault(false, v.span()) : args.optFlag("learnable", true);
    args.finish();
    return init == null || learnable == null ? null : new Omega(kind, init, learnable);
  }
}
