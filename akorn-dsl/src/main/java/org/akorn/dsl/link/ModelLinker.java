package org.akorn.dsl.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.ast.DefinitionNode;
import org.akorn.dsl.ast.ExprNode;
import org.akorn.dsl.ast.PropertyNode;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.ast.StatementNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.OutputSpec;

/**
 * Links one model: walks its statements in order (unrolling {@code repeat}, evaluating
 * {@code if}, inlining {@code use}d blocks) and hands each stage to its linker.
 */
public final class ModelLinker {
  /** Upper bound on one {@code repeat}, so a typo cannot unroll millions of stages. */
  static final int MAX_REPETITIONS = 1000;

  private final DiagnosticSink sink;
  private final Map<String, DefinitionNode> blocks;
  private final Map<String, String> overrides;
  private final LinkContext ctx;
  private final List<HyperParameter> parameters = new ArrayList<>();
  private final List<OutputSpec> outputs = new ArrayList<>();
  private final Deque<String> blocksInUse = new ArrayDeque<>();

  public ModelLinker(DiagnosticSink sink, Map<String, DefinitionNode> blocks, Map<String, String> overrides) {
    this.sink = sink;
    this.blocks = blocks;
    this.overrides = overrides;
    this.ctx = new LinkContext(sink);
  }

  /**
   * The linked model. When errors were reported it holds only the stages that linked cleanly;
   * the caller must not hand such a partial model to a generator.
   */
  public ModelSpec link(SourceFileNode file, DefinitionNode model) {
    walk(model.body(), true);
    for (String name : overrides.keySet()) {
      if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
        sink.error(DiagnosticCode.BAD_OVERRIDE, model.nameSpan(),
            "override for unknown parameter '" + name + "' of model " + model.name());
      }
    }
    if (!hasOutputStatement(model.body())) {
      sink.error(DiagnosticCode.MISSING_STAGE, model.nameSpan(),
          "model " + model.name() + " has no outputs; add e.g. 'output logits;'");
    }
    return new ModelSpec(model.name(), file.packageName(), model.doc(), file.path(), model.span(),
        List.copyOf(ctx.inputs.values()), parameters, ctx.flow.stages, outputs);
  }

  private boolean hasOutputStatement(List<StatementNode> body) {
    for (StatementNode s : body) {
      boolean found =
          s instanceof StatementNode.Output
              || s instanceof StatementNode.Repeat r && hasOutputStatement(r.body())
              || s instanceof StatementNode.If i && hasOutputStatement(i.body())
              || s instanceof StatementNode.Use u && blocks.containsKey(u.block()) && !blocksInUse.contains(u.block())
                  && usesOutput(u.block());
      if (found) {
        return true;
      }
    }
    return false;
  }

  private boolean usesOutput(String block) {
    blocksInUse.push(block);
    try {
      return hasOutputStatement(blocks.get(block).body());
    } finally {
      blocksInUse.pop();
    }
  }

  private void walk(List<StatementNode> body, boolean topLevel) {
    List<String> lets = new ArrayList<>();
    for (StatementNode s : body) {
      if (s instanceof StatementNode.Let let) {
        bindLet(let, lets);
      } else {
        statement(s, topLevel);
      }
    }
    lets.forEach(ctx.scope::unbindLoopVariable);
  }

  private void bindLet(StatementNode.Let let, List<String> lets) {
    if (ctx.scope.isDefined(let.name())) {
      sink.error(DiagnosticCode.DUPLICATE_NAME, let.span(), "'" + let.name() + "' is already defined");
      return;
    }
    Value v = ctx.evaluator.eval(let.value());
    if (v != null) {
      ctx.scope.bindLoopVariable(let.name(), v);
      lets.add(let.name());
    } else {
      ctx.scope.markFailed(let.name());
      ctx.flow.broken = true;
    }
  }

  private void statement(StatementNode s, boolean topLevel) {
    if (s instanceof StatementNode.Param p) {
      if (declarable(p.name(), p, topLevel, "param")) {
        HyperParameter hp = new ParameterLinker(ctx, overrides).link(p);
        if (hp != null) {
          parameters.add(hp);
        } else {
          ctx.scope.markFailed(p.name());
          ctx.flow.broken = true;
        }
      }
    } else if (s instanceof StatementNode.Input in) {
      if (declarable(in.name(), in, topLevel, "input")) {
        int before = sink.diagnostics().size();
        InputSpec spec = new InputLinker(ctx).link(in);
        markBrokenAfterRealFailure(before);
        if (spec != null) {
          ctx.inputs.put(spec.name(), spec);
          ctx.scope.defineInput(spec.name(), spec.kind());
        } else {
          ctx.scope.markFailed(in.name());
          ctx.flow.broken = true;
        }
      }
    } else if (s instanceof StatementNode.Output o) {
      output(o);
    } else if (s instanceof StatementNode.Repeat r) {
      repeat(r);
    } else if (s instanceof StatementNode.If i) {
      Value cond = ctx.evaluator.eval(i.condition());
      if (cond instanceof Value.BoolV b) {
        if (b.value()) {
          walk(i.body(), false);
        }
      } else if (cond != null) {
        sink.error(DiagnosticCode.WRONG_TYPE, cond.span(), "an if condition must be a comparison, but this is " + cond.describe());
      }
    } else if (s instanceof StatementNode.Use u) {
      int before = sink.diagnostics().size();
      use(u);
      markBrokenAfterRealFailure(before);
    } else {
      stage((StatementNode.Stage) s);
    }
  }

  private boolean declarable(String name, StatementNode s, boolean topLevel, String what) {
    if (!topLevel) {
      sink.error(DiagnosticCode.STAGE_OUT_OF_ORDER, s.span(),
          what + " declarations belong at the top level of a model, not inside repeat, if or a block");
      return false;
    }
    if (ctx.scope.isDefined(name)) {
      sink.error(DiagnosticCode.DUPLICATE_NAME, s.span(), "'" + name + "' is already defined");
      return false;
    }
    return true;
  }

  private void output(StatementNode.Output o) {
    if (outputs.stream().anyMatch(x -> x.name().equals(o.name()))) {
      sink.error(DiagnosticCode.DUPLICATE_NAME, o.span(), "output '" + o.name() + "' is already defined");
      return;
    }
    OutputSpec spec = new HeadLinker(ctx).output(o);
    if (spec != null) {
      outputs.add(spec);
    }
  }

  private void repeat(StatementNode.Repeat r) {
    Value count = ctx.evaluator.eval(r.count());
    if (count == null) {
      return;
    }
    if (!(count instanceof Value.IntV n)) {
      if (count instanceof Value.Word w) {
        ctx.evaluator.unknownName(w);
      } else {
        sink.error(DiagnosticCode.WRONG_TYPE, count.span(), "a repeat count must be an integer, but this is " + count.describe());
      }
      return;
    }
    if (n.value() < 1 || n.value() > MAX_REPETITIONS) {
      sink.error(n.value() < 1 ? DiagnosticCode.VALUE_NOT_POSITIVE : DiagnosticCode.TOO_MANY_REPETITIONS, count.span(),
          "a repeat count must be between 1 and " + MAX_REPETITIONS + ", but is " + n.value());
      return;
    }
    if (ctx.scope.isDefined(r.variable())) {
      sink.error(DiagnosticCode.DUPLICATE_NAME, r.span(), "loop variable '" + r.variable() + "' is already defined");
      return;
    }
    for (long i = 0; i < n.value(); i++) {
      ctx.scope.bindLoopVariable(r.variable(),
          new Value.IntV(i, new org.akorn.dsl.model.Expr.IntLiteral(i), r.span()));
      walk(r.body(), false);
    }
    ctx.scope.unbindLoopVariable(r.variable());
  }

  private void use(StatementNode.Use u) {
    DefinitionNode block = blocks.get(u.block());
    if (block == null) {
      sink.error(DiagnosticCode.UNKNOWN_NAME, u.span(), "unknown block '" + u.block() + "'");
      return;
    }
    if (blocksInUse.contains(u.block())) {
      List<String> cycle = new ArrayList<>(blocksInUse);
      java.util.Collections.reverse(cycle);
      cycle.add(u.block());
      sink.error(DiagnosticCode.BLOCK_CYCLE, u.span(), "block cycle: " + String.join(" -> ", cycle));
      return;
    }
    blocksInUse.push(u.block());
    walk(block.body(), false);
    blocksInUse.pop();
  }

  private void stage(StatementNode.Stage s) {
    int before = sink.diagnostics().size();
    linkStage(s);
    if (s.kind().equals("head") && s.name() != null && !ctx.flow.heads.containsKey(s.name())) {
      ctx.flow.failedHeads.add(s.name());
    }
    markBrokenAfterRealFailure(before);
  }

  /**
   * After a statement failed for a reason other than order, later "write X before it" errors
   * would only repeat the failure, so they are suppressed from then on.
   */
  private void markBrokenAfterRealFailure(int diagnosticsBefore) {
    var all = sink.diagnostics();
    for (int i = diagnosticsBefore; i < all.size(); i++) {
      if (all.get(i).code() != DiagnosticCode.STAGE_OUT_OF_ORDER) {
        ctx.flow.broken = true;
      }
    }
  }

  private void linkStage(StatementNode.Stage s) {
    String kind = s.kind();
    boolean blockForm = s.chain().isEmpty();
    switch (kind) {
      case "layer" -> {
        if (!blockForm) {
          sink.error(DiagnosticCode.WRONG_TYPE, s.kindSpan(), "a layer is written layer { property = value; ... }");
          return;
        }
        Properties props = blockProperties(s);
        if (props != null) {
          new LayerLinker(ctx).link(props, s.name(), s.span());
        }
      }
      case "stem", "init", "transition", "next_x", "head", "readout", "features" -> chainStage(s);
      default -> sink.error(DiagnosticCode.UNKNOWN_STAGE_KIND, s.kindSpan(),
          "unknown statement '" + kind + "'; expected one of: param, input, stem, init, layer, readout, "
              + "features, transition, next_x, head, output, repeat, if, use");
    }
  }

  private void chainStage(StatementNode.Stage s) {
    if (s.chain().isEmpty()) {
      sink.error(DiagnosticCode.WRONG_TYPE, s.kindSpan(), s.kind() + " takes a value: write " + s.kind() + " = ...;");
      return;
    }
    boolean chainKind = s.kind().equals("readout") || s.kind().equals("features");
    if (!chainKind && s.chain().size() > 1) {
      sink.error(DiagnosticCode.WRONG_TYPE, s.chain().get(1).span(),
          "only readout and features take a chain of steps (->)");
      return;
    }
    if (s.name() != null && !s.kind().equals("head")) {
      sink.error(DiagnosticCode.WRONG_TYPE, s.span(), "only heads and layers have names");
      return;
    }
    List<Value> chain = new ArrayList<>();
    for (ExprNode e : s.chain()) {
      Value v = ctx.evaluator.eval(e);
      if (v == null) {
        return;
      }
      chain.add(v);
    }
    Value first = chain.get(0);
    switch (s.kind()) {
      case "stem" -> new StemLinker(ctx).link(first, s.span());
      case "init" -> new InitLinker(ctx).link(first, s.span());
      case "transition" -> new TransitionLinker(ctx).transition(first, s.span());
      case "next_x" -> new TransitionLinker(ctx).nextState(first, s.span());
      case "head" -> new HeadLinker(ctx).head(s, first);
      case "features" -> new ReadoutLinker(ctx).features(chain, s.span());
      default -> new ReadoutLinker(ctx).link(chain, s.span());
    }
  }

  private Properties blockProperties(StatementNode.Stage s) {
    List<Value.ArgV> args = new ArrayList<>();
    Map<String, Boolean> ok = new LinkedHashMap<>();
    for (PropertyNode p : s.properties()) {
      Value v = ctx.evaluator.eval(p.value());
      ok.put(p.name(), v != null);
      if (v != null) {
        args.add(new Value.ArgV(p.name(), v, p.span()));
      }
    }
    if (ok.containsValue(false)) {
      return null;
    }
    return new Properties(s.kind(), s.kindSpan(), args, sink);
  }
}
