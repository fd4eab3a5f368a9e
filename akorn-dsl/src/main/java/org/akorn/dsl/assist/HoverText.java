package org.akorn.dsl.assist;

import java.util.List;
import java.util.Optional;
import org.akorn.dsl.SummaryTable;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.link.InputKinds;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.OutputSpec;
import org.akorn.dsl.model.Stage;

/**
 * What an editor shows when the pointer rests on a name (Markdown): a parameter's value, default
 * and doc comment; an input's kind and shape; a stage's output shape, parameter count and MACs
 * (the numbers of {@code akorn summary}, one row per stage the statement makes, so a layer in a
 * {@code repeat} shows every repetition; a block the stages it makes in the models of the file
 * that uses it). The numbers come from the linked models; while a model
 * has errors, from what of it linked cleanly, and otherwise only what the syntax says is shown.
 */
public final class HoverText {
  private HoverText() {}

  /** @param models the file's models as far as they link ({@code CompileResult.partialModels()}) */
  public static Optional<String> at(SymbolTable table, List<ModelSpec> models, int line, int column) {
    return table.symbolAt(line, column).map(s -> describe(s, models));
  }

  static String describe(Symbol s, List<ModelSpec> models) {
    Optional<ModelSpec> model = models.stream()
        .filter(m -> m.span().file().equals(s.span().file()))
        .filter(m -> Spans.contains(m.span(), s.nameSpan().line(), s.nameSpan().column()))
        .findFirst();
    StringBuilder b = new StringBuilder();
    switch (s.kind()) {
      case PARAM -> b.append(model.flatMap(m -> m.parameter(s.name())).map(HoverText::parameter)
          .orElse(code(s.detail())));
      case INPUT -> b.append(model.flatMap(m -> m.input(s.name())).map(HoverText::input).orElse(code(s.detail())));
      case OUTPUT -> b.append(model.flatMap(m -> m.outputs().stream().filter(o -> o.name().equals(s.name())).findFirst())
          .map(HoverText::output).orElse(code(s.detail())));
      case MODEL -> {
        b.append(code("model " + s.name()));
        model.ifPresent(m -> b.append("\n\n").append(String.format("%,d", m.trainableParameters()))
            .append(" trainable parameters, ").append(String.format("%,d", m.macs())).append(" MACs per step"));
      }
      default -> b.append(code(s.detail()));
    }
    // A block's stages live in the models that use it (here: those of the file being edited).
    List<ModelSpec> makers = s.kind() == Symbol.Kind.BLOCK ? models : model.stream().toList();
    List<Stage> stages = makers.stream().flatMap(m -> m.stages().stream())
        .filter(st -> within(st.info().span(), s.span())).toList();
    if (!stages.isEmpty()) {
      b.append("\n\n| stage | kind | output shape | parameters | MACs/step |\n|---|---|---|---:|---:|\n");
      for (Stage st : stages) {
        SummaryTable.Row r = SummaryTable.row(st);
        b.append("| ").append(String.join(" | ", r.stage(), r.kind(), r.outputShape(), r.parameters(), r.macs()))
            .append(" |\n");
      }
    }
    if (!s.doc().isEmpty()) {
      b.append("\n\n").append(s.doc());
    }
    return b.toString().strip();
  }

  private static String parameter(HyperParameter p) {
    String type = switch (p.type()) {
      case INT -> "int";
      case FLOAT -> "float";
      case BOOL -> "bool";
      case INT_LIST -> "int[]";
    };
    return code("param " + p.name() + ": " + type + " = " + p.value().render())
        + "\n\ndefault: `" + p.defaultExpr().render() + "`" + (p.overridden() ? " (overridden)" : "");
  }

  private static String input(InputSpec in) {
    String range = in.min() == null ? "" : " in " + in.min().value() + ".." + in.max().value();
    return code("input " + in.name() + ": " + in.shape() + range) + "\n\n" + InputKinds.describe(in.kind())
        + ", shape " + in.shape() + " (without the batch axis)";
  }

  private static String output(OutputSpec o) {
    String source = o.head() != null ? "head " + o.head() : o.source().name().toLowerCase(java.util.Locale.ROOT);
    return code("output " + o.name()) + "\n\n" + source + ", shape " + o.shape();
  }

  /** A stage made by the statement: its span (the statement's, or a chain step's) starts inside it. */
  private static boolean within(SourceSpan stage, SourceSpan statement) {
    return stage.file().equals(statement.file()) && Spans.contains(statement, stage.line(), stage.column());
  }

  private static String code(String text) {
    return "```akorn\n" + text + "\n```";
  }

}
