package org.akorn.codegen.java;

import static org.akorn.codegen.java.RuntimeTypes.*;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.OutputSpec;

/**
 * Generates one model class: fields and constructor, the typed builder ({@link BuilderWriter}),
 * the block assembly ({@link NetworkAssembly}), the input and output records ({@link IoRecords}),
 * the forward pass ({@link ForwardWriter}) and the {@code AkornModel} plumbing (weights,
 * checkpoints, names) ({@link ModelPlumbing}).
 */
public final class ModelGenerator {
  private ModelGenerator() {}

  static final TypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class));

  /** The Java source of {@code model}; the model must have passed {@link ModelValidator}. */
  public static GeneratedFile generate(ModelSpec model, String toolVersion) {
    ModelContext ctx = new ModelContext(model, NetworkPlan.of(model, new DiagnosticSink()));
    BuilderWriter builder = new BuilderWriter(ctx);
    TypeSpec.Builder type = TypeSpec.classBuilder(ctx.self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(GENERATED_MODEL)
        .addJavadoc("$L", ModelDocs.classDoc(ctx, toolVersion));
    type.addField(FieldSpec.builder(String.class, "MODEL_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The model's name as declared in its {@code .akorn} file.\n")
        .initializer("$S", model.name()).build());
    type.addField(names("INPUT_NAMES", "Declared inputs, in declaration order.",
        model.inputs().stream().map(InputSpec::name).toList()));
    type.addField(names("OUTPUT_NAMES", "Declared outputs, in declaration order.",
        model.outputs().stream().map(OutputSpec::name).toList()));
    for (HyperParameter p : model.parameters()) {
      type.addField(ModelContext.javaType(p.type()), ctx.params.get(p.name()), Modifier.PRIVATE, Modifier.FINAL);
    }
    if (ctx.plan.hasLayers()) {
      type.addField(FieldSpec.builder(com.palantir.javapoet.ArrayTypeName.of(TypeName.INT), "steps", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Steps per layer from {@link Builder#steps}, or null for the declared ones.\n")
          .build());
    }
    boolean net = ctx.plan.isNetwork();
    type.addField(net ? AKORN_NETWORK : OP_CHAIN, net ? "network" : "readOut", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(constructor(ctx, builder));
    type.addMethod(MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ctx.builder)
        .addJavadoc("A builder with every hyper-parameter at its default.\n")
        .addStatement("return new $T()", ctx.builder)
        .build());
    type.addMethod(new NetworkAssembly(ctx).method());
    if (ctx.plan.hasLayers()) {
      type.addMethod(MethodSpec.methodBuilder("stepsOf")
          .addModifiers(Modifier.PRIVATE)
          .returns(TypeName.INT)
          .addParameter(TypeName.INT, "layer")
          .addParameter(TypeName.INT, "declared")
          .addStatement("return steps == null ? declared : steps[steps.length == 1 ? 0 : layer]")
          .build());
    }
    new ForwardWriter(ctx).addTo(type);
    new ModelPlumbing(ctx).addTo(type);
    IoRecords io = new IoRecords(ctx);
    type.addType(builder.type()).addType(io.input()).addType(io.output());
    JavaFile file = JavaFile.builder(model.packageName(), type.build())
        .addFileComment("$L", ModelDocs.header(ctx, toolVersion))
        .indent("  ")
        .skipJavaLangImports(true)
        .build();
    String path = (model.packageName().isEmpty() ? "" : model.packageName().replace('.', '/') + "/")
        + model.name() + ".java";
    return new GeneratedFile(path, file.toString());
  }

  private static FieldSpec names(String name, String doc, List<String> values) {
    CodeBlock.Builder init = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < values.size(); i++) {
      init.add(i == 0 ? "$S" : ", $S", values.get(i));
    }
    return FieldSpec.builder(STRING_LIST, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", doc)
        .initializer(init.add(")").build())
        .build();
  }

  private static MethodSpec constructor(ModelContext ctx, BuilderWriter builder) {
    MethodSpec.Builder m = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(ctx.builder, "builder")
        .addStatement("super(MODEL_NAME, INPUT_NAMES, OUTPUT_NAMES)")
        .addCode(builder.copyFields());
    CodeBlock shape = firstInputShape(ctx);
    if (ctx.plan.isNetwork()) {
      m.addStatement("this.network = initialize(this::createNetwork, $L)", shape);
    } else {
      m.addStatement("this.readOut = initialize(this::createReadOut, $L)", shape);
    }
    return m.build();
  }

  /** {@code new Shape(1, dims...)} of the input the network reads first. */
  private static CodeBlock firstInputShape(ModelContext ctx) {
    InputSpec in = ctx.model.input(ctx.plan.primaryInput()).orElseThrow();
    CodeBlock.Builder b = CodeBlock.builder().add("new $T(1", SHAPE);
    in.dims().forEach(d -> b.add(", $L", ctx.expr.intValue(d)));
    return b.add(")").build();
  }
}
