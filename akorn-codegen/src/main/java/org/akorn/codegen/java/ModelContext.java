package org.akorn.codegen.java;

import com.palantir.javapoet.ClassName;
import java.util.Map;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.OutputSpec;
import org.akorn.dsl.model.ParamType;

/** Everything the generator's parts share about one model: its plan and its Java names. */
final class ModelContext {
  final ModelSpec model;
  final NetworkPlan plan;
  final ClassName self;
  final ClassName builder;
  final ClassName input;
  final ClassName output;
  /** Hyper-parameter name to field/builder-method name. */
  final Map<String, String> params;
  /** Input name to record component name. */
  final Map<String, String> inputs;
  /** Output name to record component name ({@code layers} is reserved). */
  final Map<String, String> outputs;
  final ExprEmitter expr;

  ModelContext(ModelSpec model, NetworkPlan plan) {
    this.model = model;
    this.plan = plan;
    this.self = ClassName.get(model.packageName(), model.name());
    this.builder = self.nestedClass("Builder");
    this.input = self.nestedClass("Input");
    this.output = self.nestedClass("Output");
    this.params = JavaNames.allocate(model.parameters().stream().map(HyperParameter::name).toList());
    this.inputs = JavaNames.allocate(model.inputs().stream().map(InputSpec::name).toList());
    this.outputs = JavaNames.allocate(model.outputs().stream().map(OutputSpec::name).toList());
    this.expr = new ExprEmitter(params);
  }

  static com.palantir.javapoet.TypeName javaType(ParamType t) {
    return switch (t) {
      case INT -> com.palantir.javapoet.TypeName.INT;
      case FLOAT -> com.palantir.javapoet.TypeName.DOUBLE;
      case BOOL -> com.palantir.javapoet.TypeName.BOOLEAN;
      case INT_LIST ->
          com.palantir.javapoet.ParameterizedTypeName.get(
              ClassName.get(java.util.List.class), ClassName.get(Integer.class));
    };
  }
}
