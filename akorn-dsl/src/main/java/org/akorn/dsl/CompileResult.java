package org.akorn.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticFormatter;
import org.akorn.dsl.model.ModelSpec;

/**
 * The outcome of a compilation: every diagnostic, the text of every file read (for rendering
 * diagnostics), and the linked models, which are present only when there is no error at all.
 * For editors also the syntax tree of every file that parsed (symbols, references) and every
 * model as far as it linked ({@code partialModels}: with errors, only the parameters, inputs and
 * stages that linked cleanly; never to be handed to a generator).
 */
public record CompileResult(
    List<ModelSpec> models, List<Diagnostic> diagnostics, Map<String, String> sources,
    Map<String, SourceFileNode> syntaxTrees, List<ModelSpec> partialModels) {
  public CompileResult {
    models = List.copyOf(models);
    partialModels = List.copyOf(partialModels);
    diagnostics = List.copyOf(diagnostics);
    sources = Map.copyOf(sources);
    syntaxTrees = Map.copyOf(syntaxTrees);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public Optional<ModelSpec> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The diagnostics' headlines ({@code file:line:col: error[CODE]: message}), in order. */
  public List<String> headlines() {
    return diagnostics.stream().map(Diagnostic::headline).toList();
  }

  /** Every diagnostic with its source line and caret, separated by newlines. */
  public String render() {
    DiagnosticFormatter f = new DiagnosticFormatter(sources);
    return diagnostics.stream().map(f::format).collect(Collectors.joining("\n"));
  }
}
