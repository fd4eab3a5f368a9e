package org.akorn.codegen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.akorn.codegen.java.ModelGenerator;
import org.akorn.codegen.java.ModelValidator;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.Severity;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.model.ModelSpec;

/**
 * The code generator's one entry point, shared by the command line, the Maven plugin and tests:
 * check every file with {@link AkornCompiler}, validate each model for Java generation (names,
 * supported structure), and generate one Java class per model. Never throws for bad input; when
 * there is any error no file is generated.
 *
 * <pre>{@code
 * GenerationResult r = AkornCodegen.generate(GenerationRequest.of(List.of(Path.of("sudoku.akorn"))));
 * if (r.hasErrors()) System.err.println(r.render());
 * else new OutputWriter(outDir, manifest).write(r.files());
 * }</pre>
 */
public final class AkornCodegen {
  private AkornCodegen() {}

  public static GenerationResult generate(GenerationRequest request) {
    CompileResult front =
        AkornCompiler.check(new CompileRequest(request.files(), request.overrides(), request.reader()));
    List<Diagnostic> diagnostics = new ArrayList<>(front.diagnostics());
    Map<String, String> sources = new LinkedHashMap<>(front.sources());
    List<ModelSpec> models = new ArrayList<>();
    for (ModelSpec model : front.models()) {
      Map<String, String> perModel = request.modelOverrides().get(model.name());
      if (perModel == null || perModel.isEmpty()) {
        models.add(model);
        continue;
      }
      Map<String, String> merged = new HashMap<>(request.overrides());
      merged.putAll(perModel);
      CompileResult again =
          AkornCompiler.check(
              new CompileRequest(List.of(Path.of(model.sourceFile())), merged, request.reader()));
      diagnostics.addAll(again.diagnostics());
      sources.putAll(again.sources());
      again.model(model.name()).ifPresent(models::add);
    }
    if (!front.hasErrors()) {
      for (String name : request.modelOverrides().keySet()) {
        if (front.model(name).isEmpty() && !request.files().isEmpty()) {
          diagnostics.add(new Diagnostic(Severity.WARNING, DiagnosticCode.UNKNOWN_MODEL,
              SourceSpan.point(request.files().get(0).toString(), 1, 1),
              "overrides for model '" + name + "', which none of the files defines; models: "
                  + front.models().stream().map(ModelSpec::name).toList()));
        }
      }
    }
    DiagnosticSink sink = new DiagnosticSink();
    ModelValidator.validateAll(models, sink);
    diagnostics.addAll(sink.diagnostics());
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    List<GeneratedFile> files = new ArrayList<>();
    if (!failed) {
      for (ModelSpec model : models) {
        try {
          files.add(ModelGenerator.generate(model, request.toolVersion()));
        } catch (RuntimeException e) {
          // a generator bug must still not escape as an exception to the build or the command line
          diagnostics.add(Diagnostic.error(DiagnosticCode.NOT_GENERATABLE, model.span(),
              "internal error while generating " + model.name() + ": " + e));
          failed = true;
        }
      }
      if (failed) {
        files.clear();
      }
    }
    Set<Path> read = new TreeSet<>();
    sources.keySet().forEach(f -> read.add(Path.of(f)));
    return new GenerationResult(diagnostics, sources, files, failed ? List.of() : models, read);
  }
}
