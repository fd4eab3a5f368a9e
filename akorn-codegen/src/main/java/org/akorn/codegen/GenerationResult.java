package org.akorn.codegen;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticFormatter;
import org.akorn.dsl.model.ModelSpec;

/**
 * The outcome of a generation: every diagnostic (front end and generator), the text of every file
 * read (to render diagnostics), the generated Java sources (none when there is any error), the
 * linked models, and every file read including imports (for incremental builds).
 */
public record GenerationResult(
    List<Diagnostic> diagnostics,
    Map<String, String> sources,
    List<GeneratedFile> files,
    List<ModelSpec> models,
    Set<Path> inputsRead) {

  public GenerationResult {
    diagnostics = List.copyOf(diagnostics);
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    files = List.copyOf(files);
    models = List.copyOf(models);
    inputsRead = Collections.unmodifiableSet(new LinkedHashSet<>(inputsRead));
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  /** Every diagnostic with its source line and caret, separated by newlines. */
  public String render() {
    DiagnosticFormatter f = new DiagnosticFormatter(sources);
    return diagnostics.stream().map(f::format).collect(Collectors.joining("\n"));
  }
}
