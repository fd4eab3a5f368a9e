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
    type.addMethod(override("modelName", ClassName.get(String.class)).addStatement("return MODEL_NAME").build());
    type.addMethod(override("inputNames", ModelGenerator.STRING_LIST).addStatement("return INPUT_NAMES").build());
    type.addMethod(override("outputNames", ModelGenerator.STRING_LIST).addStatement("return OUTPUT_NAMES").build());
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
    MethodSpec.Builder network = override("network", AKORN_NETWORK);
    if (net) {
      network.addStatement("return network");
    } else {
      network.addJavadoc("This model has no Kuramoto layer, hence no network; its block is {@link #readOut()}.\n")
          .addStatement("throw new $T($S)", UnsupportedOperationException.class,
              ctx.model.name() + " has no Kuramoto layer; use readOut()");
      type.addMethod(MethodSpec.methodBuilder("readOut")
          .addModifiers(Modifier.PUBLIC)
          .returns(OP_CHAIN)
          .addJavadoc("The read-out chain, the model's only block.\n")
          .addStatement("return readOut")
          .build());
    }
    type.addMethod(network.build());
    type.addMethod(override("manager", ND_MANAGER).addStatement("return manager").build());
    type.addMethod(MethodSpec.methodBuilder("referenceMapping")
        .addModifiers(Modifier.PUBLIC)
        .returns(WEIGHT_MAPPING)
        .addJavadoc("How the reference {@code state_dict} keys map onto this model's parameters.\n")
        .addStatement("return $L", mapping())
        .build());
    type.addMethod(override("importReferenceWeights", TypeName.VOID)
        .addParameter(Path.class, "npz")
        .addException(IOException.class)
        .beginControlFlow("try ($T scratch = manager.newSubManager())", ND_MANAGER)
        .addStatement("referenceMapping().importFrom($T.load(scratch, npz))", STATE_DICT)
        .endControlFlow()
        .build());
    String block = net ? "network" : "readOut";
    type.addMethod(override("saveCheckpoint", TypeName.VOID)
        .addParameter(Path.class, "file")
        .addException(IOException.class)
        .addStatement("$T.save(file, $N, $T.of(MODEL_NAME, hyperParameters(), 0))", CHECKPOINTS, block, CHECKPOINT_METADATA)
        .build());
    type.addMethod(override("loadCheckpoint", TypeName.VOID)
        .addParameter(Path.class, "file")
        .addException(IOException.class)
        .addStatement("$T.load(file, $N, MODEL_NAME, hyperParameters(), null)", CHECKPOINTS, block)
        .build());
    type.addMethod(override("close", TypeName.VOID).addStatement("manager.close()").build());
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
        case INT -> CodeBlock.of("$T.parseInt(values.get($S))", Integer.class, p.name());
        case FLOAT -> CodeBlock.of("$T.parseDouble(values.get($S))", Double.class, p.name());
        case BOOL -> CodeBlock.of("$T.parseBoolean(values.get($S))", Boolean.class, p.name());
        case INT_LIST -> CodeBlock.of("$T.parseIntList(values.get($S))", MODEL_SUPPORT, p.name());
      };
      m.beginControlFlow("if (values.containsKey($S))", p.name())
          .addStatement("builder.$N($L)", name, parse)
          .endControlFlow();
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
      case NATIVE -> CodeBlock.of("$T.builder().add($S, network).build()", WEIGHT_MAPPING, "");
    };
  }
}
