package org.akorn.codegen.java;

import static org.akorn.codegen.java.RuntimeTypes.MODEL_SUPPORT;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.HyperParameter;

/**
 * The typed {@code Builder}: one setter per hyper-parameter, defaults from the file (or the
 * override the generation used). Structural hyper-parameters are fixed: {@code build()} rejects a
 * changed value with a message that says how to regenerate.
 */
final class BuilderWriter {
  private final ModelContext ctx;
  private final Set<String> structural;

  BuilderWriter(ModelContext ctx) {
    this.ctx = ctx;
    this.structural = StructuralParameters.of(ctx.model);
  }

  /** The effective default: the override used for generation, else the declared default. */
  static Expr defaultOf(HyperParameter p) {
    return p.overridden() ? p.value() : p.defaultExpr();
  }

  static boolean isLiteral(Expr e) {
    return e instanceof Expr.IntLiteral || e instanceof Expr.RealLiteral
        || e instanceof Expr.BoolLiteral
        || e instanceof Expr.ListLiteral l && l.items().stream().allMatch(BuilderWriter::isLiteral)
        || e instanceof Expr.Negate n && isLiteral(n.operand());
  }

  TypeSpec type() {
    TypeSpec.Builder b = TypeSpec.classBuilder(ctx.builder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Builds a {@link $T}; every hyper-parameter starts at its default.\n", ctx.self);
    ExprEmitter literal = new ExprEmitter(java.util.Map.of());
    for (HyperParameter p : ctx.model.parameters()) {
      String name = ctx.params.get(p.name());
      TypeName type = ModelContext.javaType(p.type());
      Expr def = defaultOf(p);
      if (isLiteral(def)) {
        b.addField(FieldSpec.builder(type, name, Modifier.PRIVATE)
            .initializer(p.type() == org.akorn.dsl.model.ParamType.FLOAT
                ? CodeBlock.of("$L", Double.toString(asDouble(def)))
                : literal.emit(def))
            .build());
      } else {
        b.addField(FieldSpec.builder(type.box(), name, Modifier.PRIVATE).build());
      }
      MethodSpec.Builder setter = MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .returns(ctx.builder)
          .addParameter(type, name);
      String doc = p.doc() == null || p.doc().isBlank()
          ? "Sets {@code " + p.name() + "}." : ModelDocs.escape(p.doc().strip());
      setter.addJavadoc("$L\n\n<p>Default: {@code $L}.", doc, def.render());
      if (structural.contains(p.name())) {
        setter.addJavadoc("\n\n<p>Fixed at generation time: it shaped the structure, so {@link #build()}\n"
            + "rejects another value.");
      }
      setter.addJavadoc("\n");
      if (type.equals(ModelContext.javaType(org.akorn.dsl.model.ParamType.INT_LIST))) {
        setter.addStatement("this.$N = $T.copyOf($N)", name, java.util.List.class, name);
      } else {
        setter.addStatement("this.$N = $N", name, name);
      }
      b.addMethod(setter.addStatement("return this").build());
    }
    int layers = ctx.model.layers().size();
    if (layers > 0) {
      b.addField(com.palantir.javapoet.ArrayTypeName.of(TypeName.INT), "steps", Modifier.PRIVATE);
      b.addMethod(MethodSpec.methodBuilder("steps")
          .addModifiers(Modifier.PUBLIC)
          .returns(ctx.builder)
          .addParameter(com.palantir.javapoet.ArrayTypeName.of(TypeName.INT), "steps")
          .varargs(true)
          .addJavadoc("Kuramoto steps T, one value for every layer or one per layer ($L), instead of the\n"
              + "declared ones: e.g. raise T at test time. The weights do not depend on T, so this is not a\n"
              + "hyper-parameter and checkpoints stay compatible.\n", layers == 1 ? "1 layer" : layers + " layers")
          .addStatement("this.steps = steps.clone()")
          .addStatement("return this")
          .build());
    }
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addModifiers(Modifier.PUBLIC)
        .returns(ctx.self)
        .addJavadoc("Builds the model and initialises its parameters (call {@link $T#close()} when done).\n", ctx.self);
    for (HyperParameter p : ctx.model.parameters()) {
      if (!structural.contains(p.name())) {
        continue;
      }
      String name = ctx.params.get(p.name());
      CodeBlock fixed = literal.emit(p.value());
      CodeBlock differs = p.type() == org.akorn.dsl.model.ParamType.INT_LIST
          ? CodeBlock.of("!$N.equals($L)", name, fixed)
          : CodeBlock.of("$N != $L", name, fixed);
      build.beginControlFlow("if ($L)", differs)
          .addStatement("throw new $T($S + $N + $S)", IllegalStateException.class,
              p.name() + " is fixed at generation time to " + p.value().render() + "; got ", name,
              ". Regenerate the model with -P " + p.name() + "=<value>")
          .endControlFlow();
    }
    if (layers > 0) {
      build.addStatement("$T.checkSteps(steps, $L)", MODEL_SUPPORT, layers);
    }
    b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    return b.addMethod(build.addStatement("return new $T(this)", ctx.self).build()).build();
  }

  private static double asDouble(Expr e) {
    if (e instanceof Expr.RealLiteral r) {
      return r.value();
    }
    if (e instanceof Expr.IntLiteral i) {
      return i.value();
    }
    return -asDouble(((Expr.Negate) e).operand());
  }

  /** Statements of the model constructor that copy the builder's values into fields. */
  CodeBlock copyFields() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (!ctx.model.layers().isEmpty()) {
      b.addStatement("this.steps = builder.steps == null ? null : builder.steps.clone()");
    }
    for (HyperParameter p : ctx.model.parameters()) {
      String name = ctx.params.get(p.name());
      Expr def = defaultOf(p);
      if (isLiteral(def)) {
        b.addStatement("this.$N = builder.$N", name, name);
      } else {
        b.addStatement("this.$N = builder.$N != null ? builder.$N : $L", name, name, name, ctx.expr.emit(def));
      }
    }
    return b.build();
  }
}
