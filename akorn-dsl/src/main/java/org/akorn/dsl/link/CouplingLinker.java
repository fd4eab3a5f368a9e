package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Shape;

/** {@code connectivity = conv(kernel = k) | attention(heads = h, positional = gta|none) | dense}. */
final class CouplingLinker {
  private static final Options<Positional> POSITIONAL =
      Options.<Positional>named("positional").with("gta", Positional.GTA).with("none", Positional.NONE);

  record Result(Coupling coupling, long parameters, long macsPerStep) {}

  private final LinkContext ctx;

  CouplingLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  Result link(Value option, Shape shape) {
    String kind = Properties.optionName(option);
    if (kind == null) {
      ctx.error(DiagnosticCode.WRONG_TYPE, option.span(),
          "connectivity must be conv(...), attention(...) or dense, but this is " + option.describe());
      return null;
    }
    Properties p = Properties.of(option, ctx.sink);
    Result r;
    switch (kind) {
      case "conv" -> r = conv(p, shape);
      case "attention" -> r = attention(p, shape);
      case "dense" -> r = dense(shape);
      default -> {
        ctx.error(DiagnosticCode.UNKNOWN_OPTION, option.span(),
            "unknown connectivity '" + kind + "'; expected one of: conv, attention, dense");
        return null;
      }
    }
    p.finish();
    return r;
  }

  private Result conv(Properties p, Shape shape) {
    IntValue kernel = ctx.positive(p, "kernel", null);
    if (kernel == null) {
      return null;
    }
    if (!shape.hasGrid()) {
      ctx.error(DiagnosticCode.CONV_NEEDS_GRID, p.ownerSpan(),
          "conv connectivity needs a [C, H, W] grid, but the layer's shape is " + shape);
      return null;
    }
    long c = shape.channels();
    long weights = mul(c, c, kernel.value(), kernel.value());
    return new Result(new Coupling.Conv(kernel), add(weights, c), mul(weights, shape.positions()));
  }

  private Result attention(Properties p, Shape shape) {
    IntValue heads = ctx.positive(p, "heads", null);
    Positional positional = POSITIONAL.read(p, "positional", Positional.NONE, ctx.sink);
    if (heads == null || positional == null) {
      return null;
    }
    long c = shape.channels();
    long positions = shape.positions();
    long params = add(mul(4, c, c), mul(4, c));
    long macs = add(mul(positions, 4, c, c), mul(2, positions, positions, c));
    if (positional == Positional.GTA) {
      long headDim = c / heads.value();
      params = add(params, mul(8, positions, headDim));
      macs = add(macs, mul(8, positions, c));
    }
    Shape grid = shape.hasGrid() ? shape.spatial() : null;
    return new Result(new Coupling.Attention(heads, positional, grid), params, macs);
  }

  private Result dense(Shape shape) {
    long size = shape.elements();
    return new Result(new Coupling.Dense(), add(mul(size, size), size), mul(size, size));
  }
}
