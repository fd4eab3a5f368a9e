package org.akorn.codegen.java;

import static org.akorn.codegen.java.RuntimeTypes.*;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.akorn.dsl.model.AttentionLatent;
import org.akorn.dsl.model.BlockNorm;
import org.akorn.dsl.model.CellHeadInput;
import org.akorn.dsl.model.Coupling;
import org.akorn.dsl.model.InitKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.OmegaKind;
import org.akorn.dsl.model.Positional;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.TokenNorm;

/**
 * Emits the method that builds the model's DJL blocks from runtime classes, every number as a
 * Java expression over the hyper-parameter fields. Channel counts flowing between stages are
 * tracked as expressions too, so changing {@code ch} in the builder changes every block.
 */
final class NetworkAssembly {
  private final ModelContext ctx;
  private final ExprEmitter e;
  /** Channels of the stimulus c and of the oscillators x at the current point. */
  private CodeBlock cChannels;
  private CodeBlock xChannels;
  private long cValue;
  private long xValue;
  /** Grid extents of the feature maps at the current point (null without a grid). */
  private CodeBlock height;
  private CodeBlock width;
  private long heightValue;
  private long widthValue;

  NetworkAssembly(ModelContext ctx) {
    this.ctx = ctx;
    this.e = ctx.expr;
  }

  /** {@code createNetwork()} (models with layers) or {@code createReadOut()} (read-out only). */
  MethodSpec method() {
    NetworkPlan plan = ctx.plan;
    if (!plan.isNetwork()) {
      xChannels = inputChannels(plan.init().stateInput());
      cChannels = xChannels;
      xValue = ctx.model.input(plan.init().stateInput()).orElseThrow().dims().get(0).value();
      cValue = xValue;
      return MethodSpec.methodBuilder("createReadOut")
          .addModifiers(Modifier.PRIVATE)
          .returns(OP_CHAIN)
          .addStatement("return $L", readOutChain(plan.readOutOnly()))
          .build();
    }
    CodeBlock.Builder body = CodeBlock.builder();
    body.add("$T builder = $T.builder()$>$>", AKORN_NETWORK_BUILDER, AKORN_NETWORK);
    body.add(stem());
    body.add("\n.optInitialState($L);\n$<$<", initialState());
    for (int l = 0; l < plan.layers().size(); l++) {
      addStage(body, plan.layers().get(l), l);
    }
    if (!plan.hasLayers()) {
      body.addStatement("$T features = $L", OP_CHAIN, readOutChain(plan.readOutOnly()));
      body.addStatement("builder.addStage($T.builder()\n.optReadOut(features)\n.build())", STAGE);
    }
    CodeBlock.Builder tail = CodeBlock.builder().add("return builder");
    if (plan.head() != null) {
      tail.add("\n.optHead($L)", head(plan.head()));
      tail.add("\n.optOutputName($S)", plan.head().info().name());
    }
    if (plan.networkGamma()) {
      Stage.KuramotoLayer first = plan.layers().get(0).layer();
      tail.add("\n.optGamma($L, $L)", e.floatValue(first.gamma().value()), e.flag(first.gamma().learnable()));
    }
    boolean configured = plan.head() != null || plan.networkGamma();
    tail.add(configured ? "\n.build()" : ".build()");
    body.addStatement("$L", tail.build());
    return MethodSpec.methodBuilder("createNetwork")
        .addModifiers(Modifier.PRIVATE)
        .returns(AKORN_NETWORK)
        .addCode(body.build())
        .build();
  }

  /**
   * The expression for a channel count: a language default (a literal equal to the channels
   * flowing in) reuses the expression of those channels, so it follows the hyper-parameters.
   */
  private CodeBlock channels(org.akorn.dsl.model.IntValue v, long flowingValue, CodeBlock flowing) {
    return v.expr() instanceof org.akorn.dsl.model.Expr.IntLiteral && v.value() == flowingValue
        ? flowing
        : e.intValue(v);
  }

  /** The grid of an input's dims {@code from, from + 1}, divided by {@code patch} when given. */
  private void grid(String input, int from, org.akorn.dsl.model.IntValue patch) {
    List<org.akorn.dsl.model.IntValue> dims = ctx.model.input(input).orElseThrow().dims();
    if (dims.size() < from + 2) {
      return;
    }
    org.akorn.dsl.model.IntValue h = dims.get(from);
    org.akorn.dsl.model.IntValue w = dims.get(from + 1);
    if (patch == null) {
      height = e.intValue(h);
      width = e.intValue(w);
      heightValue = h.value();
      widthValue = w.value();
    } else {
      height = CodeBlock.of("$L / $L", paren(h), paren(patch));
      width = CodeBlock.of("$L / $L", paren(w), paren(patch));
      heightValue = h.value() / patch.value();
      widthValue = w.value() / patch.value();
    }
  }

  private CodeBlock inputChannels(String input) {
    InputSpec in = ctx.model.input(input).orElseThrow();
    return e.intValue(in.dims().get(0));
  }

  private CodeBlock stem() {
    Stage s = ctx.plan.stem();
    if (s instanceof Stage.EmbeddingStem emb) {
      cChannels = e.intValue(emb.dim());
      cValue = emb.dim().value();
      grid(emb.input(), 0, null);
      return CodeBlock.of("\n.optStem(new $T($L, $L))", EMBEDDING_STEM, e.intValue(emb.vocab()), cChannels);
    }
    if (s instanceof Stage.PatchifyStem p) {
      cChannels = e.intValue(p.channels());
      cValue = p.channels().value();
      grid(p.input(), 1, p.patch());
      if (p.normalize().value()) {
        return CodeBlock.of("\n.optStem($T.patchify($L, $L, $L))", CONV_STEM, inputChannels(p.input()), cChannels,
            e.intValue(p.patch()));
      }
      CodeBlock conv =
          CodeBlock.of("$T.builder()$>$>\n.setChannels($L, $L)\n.setKernel($L)\n.optStride($L)\n.optPadding(0)\n.build()$<$<",
              CONV2D_BLOCK, inputChannels(p.input()), cChannels, e.intValue(p.patch()), e.intValue(p.patch()));
      return CodeBlock.of("\n.optStem($L)", convStem(conv, false, p.input()));
    }
    if (s instanceof Stage.ConvStem c) {
      cChannels = e.intValue(c.channels());
      cValue = c.channels().value();
      grid(c.input(), 1, null);
      CodeBlock conv =
          CodeBlock.of("$T.builder()$>$>\n.setChannels($L, $L)\n.setKernel($L)\n.optBias($L)\n.build()$<$<",
              CONV2D_BLOCK, inputChannels(c.input()), cChannels, e.intValue(c.kernel()), e.flag(c.bias()));
      return CodeBlock.of("\n.optStem($L)", convStem(conv, c.normalize().value(), c.input()));
    }
    Stage.IdentityStem id = (Stage.IdentityStem) s;
    cChannels = inputChannels(id.input());
    cValue = ctx.model.input(id.input()).orElseThrow().dims().get(0).value();
    grid(id.input(), 1, null);
    return CodeBlock.of("");
  }

  /** (x - 0.5) / 0.5 per input channel when {@code normalize}, as the reference does. */
  private CodeBlock convStem(CodeBlock conv, boolean normalize, String input) {
    if (!normalize) {
      return CodeBlock.of("new $T(\n$>$L,\nnull,\nnull$<)", CONV_STEM, conv);
    }
    long channels = ctx.model.input(input).orElseThrow().dims().get(0).value();
    CodeBlock.Builder halves = CodeBlock.builder().add("new float[] {");
    for (int i = 0; i < channels; i++) {
      halves.add(i == 0 ? "0.5f" : ", 0.5f");
    }
    halves.add("}");
    CodeBlock h = halves.build();
    return CodeBlock.of("new $T(\n$>$L,\n$L,\n$L$<)", CONV_STEM, conv, h, h);
  }

  private CodeBlock initialState() {
    Stage.InitialState init = ctx.plan.init();
    InitKind kind = init == null ? InitKind.NOISE : init.kind();
    return switch (kind) {
      case CLAMPED_NOISE -> CodeBlock.of("$T.clampedNoise()", INITIAL_STATE);
      case LEARNED -> {
        List<Long> dims = init.info().output().dims();
        CodeBlock.Builder b = CodeBlock.builder().add("$T.learned(new $T(", INITIAL_STATE, SHAPE);
        for (int i = 0; i < dims.size(); i++) {
          CodeBlock d = i == 0 ? extent(dims.get(0), cValue, cChannels)
              : i == 1 && dims.size() == 3 ? extent(dims.get(1), heightValue, height)
              : i == 2 ? extent(dims.get(2), widthValue, width)
              : CodeBlock.of("$L", dims.get(i));
          b.add(i == 0 ? "$L" : ", $L", d);
        }
        yield b.add("))").build();
      }
      default -> CodeBlock.of("$T.noise()", INITIAL_STATE);
    };
  }

  /** Statements for one runtime stage: its parts as named locals, then {@code addStage}. */
  private void addStage(CodeBlock.Builder body, NetworkPlan.LayerPlan lp, int l) {
    CodeBlock.Builder stage = CodeBlock.builder().add("builder.addStage($T.builder()", STAGE);
    if (lp.transition() != null) {
      Stage.Transition t = lp.transition();
      CodeBlock out = e.intValue(t.channels());
      long outValue = t.channels().value();
      body.addStatement("$T transition$L = new $T($T.builder()\n.setChannels($L, $L)\n.setKernel($L)\n.optStride($L)\n.build())",
          SHARED_TRANSITION, l, SHARED_TRANSITION, CONV2D_BLOCK, xChannels, out, e.intValue(t.kernel()), e.intValue(t.stride()));
      stage.add("\n.optTransition(transition$L)", l);
      xChannels = out;
      cChannels = out;
      xValue = outValue;
      cValue = outValue;
      CodeBlock stride = paren(t.stride());
      height = CodeBlock.of("($L - 1) / $L + 1", height, stride);
      width = CodeBlock.of("($L - 1) / $L + 1", width, stride);
      heightValue = (heightValue - 1) / t.stride().value() + 1;
      widthValue = (widthValue - 1) / t.stride().value() + 1;
    }
    body.addStatement("$T layer$L = $L", KURAMOTO_LAYER, l, layer(lp.layer()));
    stage.add("\n.setLayer(layer$L)", l);
    xChannels = channels(lp.layer().channels(), xValue, xChannels);
    xValue = lp.layer().channels().value();
    cChannels = xChannels;
    cValue = xValue;
    if (!lp.readOut().isEmpty()) {
      body.addStatement("$T readOut$L = $L", OP_CHAIN, l, readOutChain(lp.readOut()));
      stage.add("\n.optReadOut(readOut$L)", l);
    }
    body.addStatement("$L", stage.add("\n.build())").build());
  }

  private CodeBlock paren(org.akorn.dsl.model.IntValue v) {
    return v.expr() instanceof org.akorn.dsl.model.Expr.Binary || v.expr() instanceof org.akorn.dsl.model.Expr.Negate
        ? CodeBlock.of("($L)", e.intValue(v))
        : e.intValue(v);
  }

  /** A grid extent: the tracked expression when it has the linked value, else the value. */
  private static CodeBlock extent(long linked, long trackedValue, CodeBlock tracked) {
    return tracked != null && linked == trackedValue ? tracked : CodeBlock.of("$L", linked);
  }

  private CodeBlock layer(Stage.KuramotoLayer l) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", KURAMOTO_LAYER);
    b.add("\n.setChannels($L)", e.intValue(l.channels()));
    b.add("\n.setOscillatorDim($L)", e.intValue(l.n()));
    b.add("\n.optSteps(stepsOf($L, $L))", l.index(), e.intValue(l.steps()));
    Coupling c = l.coupling();
    if (c instanceof Coupling.Conv conv) {
      b.add("\n.setConvConnectivity($L)", e.intValue(conv.kernel()));
    } else if (c instanceof Coupling.Attention a && a.positional() == Positional.GTA) {
      b.add("\n.setGtaAttentionConnectivity($L, $L, $L)", e.intValue(a.heads()),
          extent(a.grid().dim(0), heightValue, height), extent(a.grid().dim(1), widthValue, width));
    } else if (c instanceof Coupling.Attention a) {
      b.add("\n.setAttentionConnectivity($L)", e.intValue(a.heads()));
    } else {
      b.add("\n.setDenseConnectivity($L)", l.info().input().elements());
    }
    if (l.omega().kind() != OmegaKind.NONE) {
      b.add("\n.optOmega($T.$L, $L, $L)", OMEGA_SCOPE,
          l.omega().kind() == OmegaKind.GLOBAL ? "GLOBAL" : "PER_PAIR",
          e.floatValue(l.omega().init()), e.flag(l.omega().learnable()));
    }
    b.add("\n.optStimulusNorm($T.$L)", STIMULUS_NORM, switch (l.stimulusNorm()) {
      case GROUP -> "GROUP";
      case SCALE_BIAS -> "SCALE_AND_BIAS";
      case NONE -> "NONE";
    });
    b.add("\n.optProjection($L)", e.flag(l.projection()));
    if (!ctx.plan.networkGamma()) {
      if (l.gamma().learnable().value()) {
        b.add("\n.optLearnableGamma($L)", e.floatValue(l.gamma().value()));
      } else {
        b.add("\n.optGamma($L)", e.floatValue(l.gamma().value()));
      }
    }
    return b.add("\n.build()").build();
  }

  private CodeBlock readOutChain(List<Stage> parts) {
    CodeBlock.Builder b = CodeBlock.builder().add("new $T($T.of(", OP_CHAIN, List.class);
    for (int i = 0; i < parts.size(); i++) {
      b.add(i == 0 ? "\n$L" : ",\n$L", readOutPart(parts.get(i)));
    }
    return b.add("))").build();
  }

  private CodeBlock readOutPart(Stage s) {
    if (s instanceof Stage.ReadoutConv r) {
      CodeBlock out = channels(r.channels(), xValue, xChannels);
      CodeBlock code = CodeBlock.of("new $T($L, $L, $L, $L)", READ_OUT_CONV, xChannels, out,
          e.intValue(r.groupSize()), e.intValue(r.kernel()));
      cChannels = out;
      cValue = r.channels().value();
      return code;
    }
    if (s instanceof Stage.FeedForward f) {
      return CodeBlock.of("new $T($L, $L, $L, $T.$L)", RESIDUAL_FEED_FORWARD, cChannels,
          channels(f.hidden(), cValue, cChannels), e.intValue(f.kernel()), FEATURE_NORM, norm(f.norm()));
    }
    if (s instanceof Stage.LayerNorm) {
      return CodeBlock.of("new $T($L)", CHANNEL_LAYER_NORM, cChannels);
    }
    if (s instanceof Stage.SelfAttention a) {
      boolean gta = a.positional() == Positional.GTA;
      CodeBlock.Builder b = CodeBlock.builder().add("new $T($L, $L, $L, $L, $L, $L", ITERATED_SELF_ATTENTION, cChannels,
          e.intValue(a.heads()), e.intValue(a.steps()), a.norm() == TokenNorm.LAYER,
          gta ? extent(a.grid().dim(0), heightValue, height) : CodeBlock.of("0"),
          gta ? extent(a.grid().dim(1), widthValue, width) : CodeBlock.of("0"));
      return b.add(a.latent() == AttentionLatent.NOISE ? ", true)" : ")").build();
    }
    if (s instanceof Stage.GeluMlp m) {
      return CodeBlock.of("new $T($L, $L, $L)", GELU_MLP, cChannels, e.intValue(m.hidden()), m.norm() == TokenNorm.LAYER);
    }
    if (s instanceof Stage.SinCosPosition p) {
      List<Long> dims = p.info().input().dims();
      return CodeBlock.of("new $T($L, $L, $L, $L)", SIN_COS_POSITION, cChannels,
          extent(dims.get(1), heightValue, height), extent(dims.get(2), widthValue, width), e.flag(p.learnable()));
    }
    Stage.NormReluConv n = (Stage.NormReluConv) s;
    CodeBlock out = channels(n.channels(), cValue, cChannels);
    CodeBlock code;
    if (n.stride().value() == 1 && n.stride().expr() instanceof org.akorn.dsl.model.Expr.IntLiteral) {
      code = CodeBlock.of("new $T($L, $L, $L, $T.$L)", NORM_RELU_CONV, cChannels, out,
          e.intValue(n.kernel()), FEATURE_NORM, norm(n.norm()));
    } else {
      code = CodeBlock.of("new $T($L, $L, $L, $T.$L, $L)", NORM_RELU_CONV, cChannels, out,
          e.intValue(n.kernel()), FEATURE_NORM, norm(n.norm()), e.intValue(n.stride()));
      if (height != null) {
        CodeBlock stride = paren(n.stride());
        height = CodeBlock.of("($L - 1) / $L + 1", height, stride);
        width = CodeBlock.of("($L - 1) / $L + 1", width, stride);
        heightValue = (heightValue - 1) / n.stride().value() + 1;
        widthValue = (widthValue - 1) / n.stride().value() + 1;
      }
    }
    cChannels = out;
    cValue = n.channels().value();
    return code;
  }

  private static String norm(BlockNorm n) {
    return switch (n) {
      case BATCH -> "BATCH";
      case GROUP -> "GROUP8";
      case NONE -> "NONE";
    };
  }

  private CodeBlock head(Stage h) {
    if (h instanceof Stage.PooledClassifier p) {
      return CodeBlock.of("new $T($T.$L, $L, $L)", POOLED_LINEAR_HEAD, POOLING, p.pool().name(),
          cChannels, e.intValue(p.classes()));
    }
    if (h instanceof Stage.CellClassifier c) {
      return CodeBlock.of("new $T($L, $L)", c.input() == CellHeadInput.LAYER_NORM ? LAYER_NORM_CELL_HEAD : CELL_HEAD,
          cChannels, e.intValue(c.classes()));
    }
    Stage.PooledMlp m = (Stage.PooledMlp) h;
    return CodeBlock.of("new $T($T.$L, $L, $L, $L)", POOLED_MLP_HEAD, POOLING, m.pool().name(),
        cChannels, e.intValue(m.hidden()), e.intValue(m.features()));
  }
}
