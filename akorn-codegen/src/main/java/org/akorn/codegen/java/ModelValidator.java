package org.akorn.codegen.java;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.ModelSpec;

/**
 * Checks that linked models can become Java classes: valid package and class names that clash
 * neither with Java keywords, the generated class's own nested types, the runtime classes it
 * uses, nor each other; and a structure the runtime can assemble ({@link NetworkPlan}).
 */
public final class ModelValidator {
  private ModelValidator() {}

  public static void validateAll(List<ModelSpec> models, DiagnosticSink sink) {
    Map<String, ModelSpec> byQualifiedName = new HashMap<>();
    for (ModelSpec m : models) {
      validate(m, sink);
      ModelSpec other = byQualifiedName.putIfAbsent(m.qualifiedName().toLowerCase(java.util.Locale.ROOT), m);
      if (other != null) {
        sink.error(DiagnosticCode.JAVA_NAME_CLASH, m.span(),
            "model '" + m.qualifiedName() + "' would be generated into the same file as model '"
                + other.qualifiedName() + "' from " + other.sourceFile());
      }
    }
  }

  static void validate(ModelSpec m, DiagnosticSink sink) {
    if (!JavaNames.isValidPackage(m.packageName())) {
      sink.error(DiagnosticCode.INVALID_JAVA_NAME, m.span(),
          "package '" + m.packageName() + "' is not a valid Java package name");
    }
    if (!JavaNames.isValidTypeName(m.name())) {
      sink.error(DiagnosticCode.INVALID_JAVA_NAME, m.span(),
          "model name '" + m.name() + "' is a Java keyword or not a Java identifier; rename the model");
    } else if (JavaNames.RESERVED_TYPE_NAMES.contains(m.name())) {
      sink.error(DiagnosticCode.JAVA_NAME_CLASH, m.span(),
          "model name '" + m.name() + "' clashes with a type the generated class uses; rename the model");
    }
    NetworkPlan.of(m, sink);
  }
}
