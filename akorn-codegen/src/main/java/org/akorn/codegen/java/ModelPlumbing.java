package org.akorn.codegen.java;

import static org.akorn.codegen.java.RuntimeTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.akorn.dsl.model.HyperParameter;

/**
 * The {@code AkornModel} plumbing of a generated class: names, hyper-parameters, the block and
 * its manager, reference weight import (the reference's own key names) and checkpoints.
 */
final class ModelPlumbing {
  private static final TypeName STRING_MAP =
      ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(String.class));
  private final ModelContext ctx;

  ModelPlumbing(ModelContext ctx) {
    this.ctx = ctx;
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }

  void addTo(TypeSpec.Builder type) {
    boolean net = ctx.plan.isNetwork();
    MethodSpec.Builder hyper = override("hyperParameters", STRING_MAP);
    if (ctx.model.parameters().isEmpty()) {
      hyper.addStatement("return $T.of()", Map.class);
    } else {
      hyper.addStatement("$T values = new $T<>()", STRING_MAP, LinkedHashMap.class);
      for (HyperParameter p : ctx.model.parameters()) {
        hyper.addStatement("values.put($S, $T.valueOf(this.$N))", p.name(), String.class, ctx.params.get(p.name()));
      }
      hyper.addStatement("return $T.unmodifiableMap(values)", Collections.class);
    }
    type.addMethod(hyper.build());
    if (!net) {
      type.addMethod(MethodSpec.methodBuilder("readOut")
          .addModifiers(Modifier.PUBLIC)
          .returns(OP_CHAIN)
          .addJavadoc("The read-out chain, the model's only block.\n")
          .addStatement("return readOut")
          .build());
    }
    type.addMethod(override("referenceMapping", WEIGHT_MAPPING)
        .addStatement("return $L", mapping())
        .build());
    type.addMethod(fromCheckpoint());
  }

  /** {@code fromCheckpoint(Path)}: the model built from a checkpoint alone. */
  private MethodSpec fromCheckpoint() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("fromCheckpoint")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ctx.self)
        .addParameter(Path.class, "file")
        .addException(IOException.class)
        .addJavadoc("Builds the model with the hyper-parameters a checkpoint of this class records, then loads its\n"
            + "weights (e.g. once per executor).\n")
        .addStatement("$T builder = builder()", ctx.builder);
    if (ctx.model.parameters().isEmpty()) {
      m.addStatement("$T.checkpointMetadata(file, MODEL_NAME)", MODEL_SUPPORT);
    } else {
      m.addStatement("$T values = $T.checkpointMetadata(file, MODEL_NAME).hyperParameters()",
          STRING_MAP, MODEL_SUPPORT);
    }
    for (HyperParameter p : ctx.model.parameters()) {
      String name = ctx.params.get(p.name());
      CodeBlock parse = switch (p.type()) {
        case INT -> CodeBlock.of("$T.parseInt(v)", Integer.class);
        case FLOAT -> CodeBlock.of("$T.parseDouble(v)", Double.class);
        case BOOL -> CodeBlock.of("$T.parseBoolean(v)", Boolean.class);
        case INT_LIST -> CodeBlock.of("$T.parseIntList(v)", MODEL_SUPPORT);
      };
      m.addStatement("$T.ifPresent(values, $S, v -> builder.$N($L))", MODEL_SUPPORT, p.name(), name, parse);
    }
    return m.addStatement("return $T.loadOrClose(builder.build(), file)", MODEL_SUPPORT).build();
  }

  private CodeBlock mapping() {
    return switch (ctx.plan.layout()) {
      case READ_OUT_ONLY -> CodeBlock.of("$T.builder().add($S, readOut).build()", WEIGHT_MAPPING, "");
      case SINGLE_LAYER ->
          CodeBlock.of("$T.builder().add($S, network.stages().get(0).layer()).build()", WEIGHT_MAPPING, "");
      case SUDOKU -> CodeBlock.of("$T.sudoku(network)", REFERENCE_LAYOUTS);
      case OBJECTS -> CodeBlock.of("$T.objects(network)", REFERENCE_LAYOUTS);
      case CLASSIFICATION -> CodeBlock.of("$T.classification(network)", REFERENCE_LAYOUTS);
      case SUDOKU_TRANSFORMER -> CodeBlock.of("$T.sudokuTransformer(network)", REFERENCE_LAYOUTS);
      case NATIVE -> CodeBlock.of("$T.builder().add($S, network).build()", WEIGHT_MAPPING, "");
    };
  }
}
