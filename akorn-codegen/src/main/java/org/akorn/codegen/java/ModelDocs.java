package org.akorn.codegen.java;

import com.palantir.javapoet.CodeBlock;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.IntValue;
import org.akorn.dsl.model.OutputSource;
import org.akorn.dsl.model.OutputSpec;

/** Javadoc text of a generated model: doc comment, inputs, outputs, hyper-parameters, header. */
final class ModelDocs {
  private ModelDocs() {}

  /** Makes text safe inside a Javadoc comment. */
  static String escape(String text) {
    return text.replace("*/", "*&#47;").replace("@", "{@literal @}");
  }

  static String fileName(String sourceFile) {
    Path p = Path.of(sourceFile).getFileName();
    return p == null ? sourceFile : p.toString();
  }

  static String header(ModelContext ctx, String version) {
    return "Generated from " + fileName(ctx.model.sourceFile()) + " by akorn " + version + ". Do not edit.";
  }

  static String inputShape(InputSpec in) {
    return "[B, " + in.dims().stream().map(IntValue::toString).collect(Collectors.joining(", ")) + "] "
        + elementType(in.kind());
  }

  static String elementType(InputKind kind) {
    return switch (kind) {
      case INT_GRID -> "int";
      case BOOL_MASK -> "bool";
      default -> "float32";
    };
  }

  static String inputMeaning(InputSpec in) {
    String kind = switch (in.kind()) {
      case FLOAT_IMAGE -> "image in [0, 1]";
      case INT_GRID -> "integer grid, values " + in.min() + ".." + in.max();
      case BOOL_MASK -> "boolean mask";
      case RAW_STIMULUS -> "raw stimulus c";
      case RAW_STATE -> "raw oscillator state x";
    };
    return in.doc() == null || in.doc().isBlank() ? kind : kind + "; " + in.doc().strip();
  }

  static String outputShape(OutputSpec out, int layers) {
    String one = out.shape().dims().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return switch (out.source()) {
      case STATES -> "[T, B, " + one + "]";
      case ENERGIES -> layers == 1 ? "[T + 1, B]" : "[" + layers + ", T + 1, B]";
      default -> "[B, " + one + "]";
    };
  }

  static String outputMeaning(OutputSpec out) {
    String what = switch (out.source()) {
      case HEAD -> "the head '" + out.head() + "'";
      case STATE -> "the last oscillator state x";
      case STIMULUS -> "the last stimulus c (read-out)";
      case STATES -> "every state of the last layer, x_1..x_T";
      case ENERGIES -> "energies per step, e_0 = 0 then e_1..e_T";
    };
    return out.doc() == null || out.doc().isBlank() ? what : what + "; " + out.doc().strip();
  }

  static CodeBlock classDoc(ModelContext ctx, String version) {
    CodeBlock.Builder b = CodeBlock.builder();
    String doc = ctx.model.doc() == null || ctx.model.doc().isBlank()
        ? "The AKOrN model " + ctx.model.name() + "." : ctx.model.doc().strip();
    b.add("$L\n\n", escape(doc));
    b.add("<p>Inputs (B is the batch):\n<ul>\n");
    for (InputSpec in : ctx.model.inputs()) {
      b.add("  <li>{@code $L}: {@code $L}, $L\n", in.name(), inputShape(in), escape(inputMeaning(in)));
    }
    b.add("</ul>\n\n<p>Outputs:\n<ul>\n");
    int layers = ctx.model.layers().size();
    for (OutputSpec out : ctx.model.outputs()) {
      b.add("  <li>{@code $L}: {@code $L}, $L\n", out.name(), outputShape(out, layers), escape(outputMeaning(out)));
    }
    b.add("</ul>\n");
    if (layers > 0) {
      b.add("Every run also returns, per Kuramoto layer, its energies and (when kept) states; raise the\n"
          + "steps T at test time with {@code Builder.steps(...)} or {@code RunOptions.withSteps(...)}.\n");
    }
    b.add("\n");
    if (!ctx.model.parameters().isEmpty()) {
      b.add("<p>Hyper-parameters (set them with {@link #builder()}):\n<ul>\n");
      for (HyperParameter p : ctx.model.parameters()) {
        String d = p.doc() == null || p.doc().isBlank() ? "" : " " + escape(p.doc().strip());
        b.add("  <li>{@code $L} = {@code $L}$L\n", p.name(), BuilderWriter.defaultOf(p).render(), d);
      }
      b.add("</ul>\n\n");
    }
    b.add("<p>Reference weights: {@link #importReferenceWeights} reads a PyTorch {@code state_dict}\n");
    b.add("saved as {@code .npz} with the reference's own key names ($L layout).\n\n",
        ctx.plan.layout().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    b.add("<p>$L\n", header(ctx, version));
    return b.build();
  }

  static boolean keepsStates(ModelContext ctx) {
    return ctx.model.outputs().stream().anyMatch(o -> o.source() == OutputSource.STATES);
  }
}
