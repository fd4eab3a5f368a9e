package org.akorn.codegen.java;

import static org.akorn.codegen.java.RuntimeTypes.*;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.akorn.dsl.model.InitKind;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.OutputSpec;

/** The forward methods: typed ({@code Input} to {@code Output}) and by name (AkornModel). */
final class ForwardWriter {
  private final ModelContext ctx;

  ForwardWriter(ModelContext ctx) {
    this.ctx = ctx;
  }

  private boolean usesNoise() {
    if (!ctx.plan.hasLayers()) {
      return false;
    }
    InitKind k = ctx.plan.init() == null ? InitKind.NOISE : ctx.plan.init().kind();
    return k == InitKind.NOISE || k == InitKind.CLAMPED_NOISE;
  }

  void addTo(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("forward")
        .addModifiers(Modifier.PUBLIC)
        .returns(ctx.output)
        .addParameter(ctx.input, "input")
        .addJavadoc("Runs the model in inference mode with the declared steps"
            + (usesNoise() ? " and seed-0 noise as the initial state" : "") + ".\n")
        .addStatement("return forward(input, $T.defaults())", RUN_OPTIONS)
        .build());
    type.addMethod(MethodSpec.methodBuilder("forward")
        .addModifiers(Modifier.PUBLIC)
        .returns(ctx.output)
        .addParameter(ctx.input, "input")
        .addParameter(RUN_OPTIONS, "options")
        .addJavadoc("Runs the model; {@code options} set the steps per layer (raise them for test-time\n"
            + "extension), whether every state is kept, training mode and the noise seed.\n")
        .addStatement("return $T.of(run(input, null, options))", ctx.output)
        .build());
    if (usesNoise()) {
      type.addMethod(MethodSpec.methodBuilder("forward")
          .addModifiers(Modifier.PUBLIC)
          .returns(ctx.output)
          .addParameter(ctx.input, "input")
          .addParameter(ND_ARRAY, "initialState")
          .addJavadoc("Runs the model from the given initial oscillator state of the first layer, shaped like\n"
              + "its stimulus"
              + (ctx.plan.init() != null && ctx.plan.init().kind() == InitKind.CLAMPED_NOISE
                  ? " (clue cells are clamped to the stimulus under the mask, as the reference does)" : "")
              + ".\n")
          .addStatement("return forward(input, initialState, $T.defaults())", RUN_OPTIONS)
          .build());
      type.addMethod(MethodSpec.methodBuilder("forward")
          .addModifiers(Modifier.PUBLIC)
          .returns(ctx.output)
          .addParameter(ctx.input, "input")
          .addParameter(ND_ARRAY, "initialState")
          .addParameter(RUN_OPTIONS, "options")
          .addJavadoc("Runs the model from the given initial state with {@code options}.\n")
          .addStatement("return $T.of(run(input, initialState, options))", ctx.output)
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("forward")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(AKORN_RESULT)
        .addParameter(IoRecords.NAMED_ARRAYS, "inputs")
        .addParameter(RUN_OPTIONS, "options")
        .addStatement("return run($T.of(inputs), null, options)", ctx.input)
        .build());
    if (usesNoise()) {
      type.addMethod(MethodSpec.methodBuilder("forward")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(AKORN_RESULT)
          .addParameter(IoRecords.NAMED_ARRAYS, "inputs")
          .addParameter(ND_ARRAY, "initialState")
          .addParameter(RUN_OPTIONS, "options")
          .addStatement("return run($T.of(inputs), initialState, options)", ctx.input)
          .build());
    }
    type.addMethod(run());
    type.addMethod(checkInput());
  }

  private MethodSpec run() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("run")
        .addModifiers(Modifier.PRIVATE)
        .returns(AKORN_RESULT)
        .addParameter(ctx.input, "input")
        .addParameter(ND_ARRAY, "initialState")
        .addParameter(RUN_OPTIONS, "options")
        .addStatement("checkInput(input)");
    String primary = ctx.inputs.get(ctx.plan.primaryInput());
    boolean net = ctx.plan.isNetwork();
    if (net) {
      CodeBlock.Builder in = CodeBlock.builder().add("$T in = $T.of(input.$N())$>$>", AKORN_INPUT, AKORN_INPUT, primary);
      if (ctx.plan.init() != null && ctx.plan.init().clampMask() != null) {
        in.add("\n.withMask(input.$N())", ctx.inputs.get(ctx.plan.init().clampMask()));
      }
      in.add("\n.withNoise(initialState)$<$<");
      m.addStatement("$L", in.build());
      m.addStatement("$T result = network.run(new $T(manager(), false), in, $L)", AKORN_RESULT,
          PARAMETER_STORE,
          ModelDocs.keepsStates(ctx) ? CodeBlock.of("options.withKeepStates(true)") : CodeBlock.of("options"));
    } else {
      m.addStatement("$T state = input.$N()", ND_ARRAY, primary)
          .addStatement("$T stimulus = readOut.apply(new $T(manager(), false), state, options.training())",
              ND_ARRAY, PARAMETER_STORE);
    }
    m.addStatement("$T<String, $T> outputs = new $T<>()", Map.class, ND_ARRAY, LinkedHashMap.class);
    for (OutputSpec out : ctx.model.outputs()) {
      m.addStatement("outputs.put($S, $L)", out.name(), outputValue(out, net));
    }
    return m.addStatement("return new $T(outputs, $L)", AKORN_RESULT,
            net ? CodeBlock.of("result.layers()") : CodeBlock.of("$T.of()", List.class))
        .build();
  }

  private CodeBlock outputValue(OutputSpec out, boolean net) {
    if (!net) {
      return switch (out.source()) {
        case STATE -> CodeBlock.of("state");
        default -> CodeBlock.of("stimulus");
      };
    }
    return switch (out.source()) {
      case HEAD -> CodeBlock.of("result.output($S)", out.head());
      case STATE -> CodeBlock.of("result.output($S)", "x_last");
      case STIMULUS -> CodeBlock.of("result.output($S)", "c_last");
      case STATES -> CodeBlock.of("$T.states(result.layers().get($L))", MODEL_SUPPORT, ctx.model.layers().size() - 1);
      case ENERGIES -> CodeBlock.of("$T.energies(result.layers())", MODEL_SUPPORT);
    };
  }

  private MethodSpec checkInput() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("checkInput")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(ctx.input, "input");
    for (InputSpec in : ctx.model.inputs()) {
      CodeBlock.Builder dims = CodeBlock.builder();
      in.dims().forEach(d -> dims.add(", $L", ctx.expr.intValue(d)));
      String kind = in.kind() == InputKind.INT_GRID ? "INT" : in.kind() == InputKind.BOOL_MASK ? "BOOL" : "FLOAT";
      m.addStatement("$T.checkInput($S, input.$N(), $T.$L$L)", MODEL_SUPPORT, in.name(),
          ctx.inputs.get(in.name()), ELEMENT_KIND, kind, dims.build());
    }
    return m.build();
  }
}
