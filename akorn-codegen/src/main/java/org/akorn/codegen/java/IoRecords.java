package org.akorn.codegen.java;

import static org.akorn.codegen.java.RuntimeTypes.*;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.OutputSpec;

/** The typed {@code Input} and {@code Output} records of a generated model. */
final class IoRecords {
  private final ModelContext ctx;

  IoRecords(ModelContext ctx) {
    this.ctx = ctx;
  }

  static final TypeName NAMED_ARRAYS =
      ParameterizedTypeName.get(com.palantir.javapoet.ClassName.get(Map.class),
          com.palantir.javapoet.ClassName.get(String.class), ND_ARRAY);
  static final TypeName LAYER_RESULTS =
      ParameterizedTypeName.get(com.palantir.javapoet.ClassName.get(List.class), KURAMOTO_RESULT);

  TypeSpec input() {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    CodeBlock.Builder of = CodeBlock.builder().add("return new $T(", ctx.input);
    TypeSpec.Builder b = TypeSpec.recordBuilder(ctx.input)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The model's inputs, each with a leading batch axis B.\n\n");
    int i = 0;
    for (InputSpec in : ctx.model.inputs()) {
      String name = ctx.inputs.get(in.name());
      ctor.addParameter(ND_ARRAY, name);
      b.addJavadoc("@param $L {@code $L}: $L\n", name, ModelDocs.inputShape(in),
          ModelDocs.escape(ModelDocs.inputMeaning(in)));
      of.add(i++ == 0 ? "\n$>$T.require(inputs, $S, INPUT_NAMES)" : ",\n$T.require(inputs, $S, INPUT_NAMES)",
          MODEL_SUPPORT, in.name());
    }
    of.add(")$<");
    return b.recordConstructor(ctor.build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("The inputs by their declared names; rejects a missing or unknown name.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ctx.input)
            .addParameter(NAMED_ARRAYS, "inputs")
            .addStatement("$L", of.build())
            .build())
        .build();
  }

  TypeSpec output() {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    CodeBlock.Builder of = CodeBlock.builder().add("return new $T($>", ctx.output);
    TypeSpec.Builder b = TypeSpec.recordBuilder(ctx.output)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The model's declared outputs and every Kuramoto layer's result.\n\n");
    int layers = ctx.model.layers().size();
    for (OutputSpec out : ctx.model.outputs()) {
      String name = ctx.outputs.get(out.name());
      ctor.addParameter(ND_ARRAY, name);
      b.addJavadoc("@param $L {@code $L}: $L\n", name, ModelDocs.outputShape(out, layers),
          ModelDocs.escape(ModelDocs.outputMeaning(out)));
      of.add("\nresult.output($S),", out.name());
    }
    ctor.addParameter(LAYER_RESULTS, "layers");
    b.addJavadoc("@param layers per Kuramoto layer: its states (all when kept, else the last) and\n"
        + "    energies e_0..e_T\n");
    of.add("\nresult.layers())$<");
    return b.recordConstructor(ctor.build())
        .addMethod(MethodSpec.methodBuilder("of")
            .addJavadoc("The typed view of a run's result.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ctx.output)
            .addParameter(AKORN_RESULT, "result")
            .addStatement("$L", of.build())
            .build())
        .build();
  }
}
