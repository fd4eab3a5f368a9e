package org.akorn.dsl.link;

import static org.akorn.dsl.link.Counting.add;
import static org.akorn.dsl.link.Counting.mul;

import org.akorn.dsl.ast.StatementNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.model.CellHeadInput;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.OutputSource;
import org.akorn.dsl.model.OutputSpec;
import org.akorn.dsl.model.Pool;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.StageInfo;

/** {@code head NAME = classifier(...) | cell_classifier(...) | mlp(...);} and {@code output}s. */
final class HeadLinker {
  private static final Options<Pool> POOL = Options.<Pool>named("pool").with("avg", Pool.AVG).with("max", Pool.MAX);
  private static final Options<OutputSource> SOURCES =
      Options.<OutputSource>named("output source")
          .with("state", OutputSource.STATE)
          .with("stimulus", OutputSource.STIMULUS)
          .with("states", OutputSource.STATES)
          .with("energies", OutputSource.ENERGIES);

  private static final Options<CellHeadInput> INPUT =
      Options.<CellHeadInput>named("pre")
          .with("relu", CellHeadInput.RELU)
          .with("layer_norm", CellHeadInput.LAYER_NORM);

  private final LinkContext ctx;

  HeadLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  void head(StatementNode.Stage stmt, Value option) {
    if (stmt.name() == null) {
      ctx.error(DiagnosticCode.MISSING_PROPERTY, stmt.span(), "a head needs a name: head NAME = ...;");
      return;
    }
    if (ctx.flow.heads.containsKey(stmt.name())) {
      ctx.error(DiagnosticCode.DUPLICATE_NAME, stmt.span(), "head '" + stmt.name() + "' is already defined");
      return;
    }
    String kind = Properties.optionName(option);
    if (kind == null) {
      ctx.error(DiagnosticCode.WRONG_TYPE, option.span(),
          "a head is classifier(...), cell_classifier(...) or mlp(...), but this is " + option.describe());
      return;
    }
    Shape c = ctx.flow.stimulus;
    boolean placeholder = c == null;
    if (placeholder) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, stmt.span(), "a head reads the stimulus c; write a stem before it");
      c = Shape.of(1, 1, 1); // still check the head's own properties
    }
    Properties p = Properties.of(option, ctx.sink);
    Stage stage;
    switch (kind) {
      case "classifier" -> {
        Pool pool = POOL.read(p, "pool", Pool.AVG, ctx.sink);
        IntValue classes = ctx.positive(p, "classes", null);
        stage = pool == null || classes == null ? null : new Stage.PooledClassifier(
            info(stmt, c, Shape.of(classes.value()), linear(c.channels(), classes.value()), mul(c.channels(), classes.value())),
            pool, classes);
      }
      case "cell_classifier" -> {
        IntValue classes = ctx.positive(p, "classes", null);
        CellHeadInput input = INPUT.read(p, "pre", CellHeadInput.RELU, ctx.sink);
        if (input == null) {
          classes = null;
        }
        if (classes != null && !c.hasGrid()) {
          ctx.error(DiagnosticCode.CONV_NEEDS_GRID, option.span(), "cell_classifier needs a [C, H, W] grid, but c is " + c);
          classes = null;
        }
        stage = classes == null ? null : new Stage.CellClassifier(
            info(stmt, c, Shape.of(c.dim(1), c.dim(2), classes.value()),
                add(linear(c.channels(), classes.value()), input == CellHeadInput.LAYER_NORM ? mul(2, c.channels()) : 0),
                mul(c.positions(), c.channels(), classes.value())),
            classes, input);
      }
      case "mlp" -> {
        Pool pool = POOL.read(p, "pool", Pool.AVG, ctx.sink);
        IntValue hidden = ctx.positive(p, "hidden", null);
        IntValue features = ctx.positive(p, "features", null);
        stage = pool == null || hidden == null || features == null ? null : new Stage.PooledMlp(
            info(stmt, c, Shape.of(features.value()),
                add(linear(c.channels(), hidden.value()), linear(hidden.value(), features.value())),
                add(mul(c.channels(), hidden.value()), mul(hidden.value(), features.value()))),
            pool, hidden, features);
      }
      default -> {
        ctx.error(DiagnosticCode.UNKNOWN_OPTION, option.span(),
            "unknown head '" + kind + "'; expected one of: classifier, cell_classifier, mlp");
        return;
      }
    }
    p.finish();
    if (stage != null && !placeholder) {
      ctx.flow.heads.put(stmt.name(), stage.info().output());
      ctx.add(stage);
    }
  }

  private static StageInfo info(StatementNode.Stage stmt, Shape in, Shape out, long params, long macs) {
    return new StageInfo(stmt.name(), stmt.span(), in, out, params, macs);
  }

  private static long linear(long in, long out) {
    return add(mul(in, out), out);
  }

  /** Resolves an output statement; null after an error. */
  OutputSpec output(StatementNode.Output stmt) {
    if (stmt.source() == null) {
      Shape head = ctx.flow.heads.get(stmt.name());
      if (head == null && ctx.flow.failedHeads.contains(stmt.name())) {
        return null;
      }
      if (head == null) {
        ctx.error(DiagnosticCode.UNKNOWN_NAME, stmt.span(),
            "unknown head '" + stmt.name() + "'; write output NAME = SOURCE; for other outputs");
        return null;
      }
      return spec(stmt, OutputSource.HEAD, stmt.name(), head);
    }
    Value v = ctx.evaluator.eval(stmt.source());
    if (v == null) {
      return null;
    }
    if (v instanceof Value.Word w && ctx.flow.heads.containsKey(w.name())) {
      return spec(stmt, OutputSource.HEAD, w.name(), ctx.flow.heads.get(w.name()));
    }
    OutputSource source = SOURCES.read(v, ctx.sink);
    if (source == null) {
      return null;
    }
    Shape shape =
        switch (source) {
          case STIMULUS -> ctx.flow.stimulus;
          case ENERGIES -> ctx.flow.layerCount == 0 ? null : Shape.of();
          default -> ctx.flow.layerCount == 0 && source == OutputSource.STATES ? null : ctx.flow.state;
        };
    if (shape == null) {
      ctx.error(DiagnosticCode.STAGE_OUT_OF_ORDER, stmt.span(),
          "output '" + stmt.name() + "' has nothing to return yet; put it after the stage that makes it");
      return null;
    }
    return spec(stmt, source, null, shape);
  }

  private OutputSpec spec(StatementNode.Output stmt, OutputSource source, String head, Shape shape) {
    return new OutputSpec(stmt.name(), source, head, shape, ctx.flow.stages.size(), stmt.doc(), stmt.span());
  }
}
