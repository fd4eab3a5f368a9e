package org.akorn.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticFormatter;
import org.akorn.dsl.model.ModelSpec;

/** TEMPORARY stand-in for the codegen branch's class (same API); replaced when `codegen` is merged. */
public record GenerationResult(
    List<Diagnostic> diagnostics,
    Map<String, String> sources,
    List<GeneratedFile> files,
    List<ModelSpec> models,
    Set<Path> inputsRead) {
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public String render() {
    DiagnosticFormatter f = new DiagnosticFormatter(sources);
    return diagnostics.stream().map(f::format).collect(Collectors.joining("\n"));
  }
}
