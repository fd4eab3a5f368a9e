package org.akorn.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.akorn.dsl.ast.DefinitionNode;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.check.ModelRules;
import org.akorn.dsl.diag.Diagnostic;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.link.ModelLinker;
import org.akorn.dsl.model.ModelSpec;

/**
 * The front end's one entry point, shared by the command line, the Maven plugin and tests:
 * parse every file (and its imports), link each model into a {@link ModelSpec}, run every
 * {@link ModelRules rule}, and return all diagnostics at once. Never throws for bad input.
 *
 * <pre>{@code
 * CompileResult r = AkornCompiler.check(CompileRequest.of(Path.of("sudoku.akorn")));
 * if (r.hasErrors()) System.err.println(r.render());
 * else r.models().forEach(m -> System.out.println(m.name() + " " + m.trainableParameters()));
 * }</pre>
 */
public final class AkornCompiler {
  private AkornCompiler() {}

  public static CompileResult check(CompileRequest request) {
    DiagnosticSink sink = new DiagnosticSink();
    ProgramLoader loader = new ProgramLoader(request.reader(), sink);
    List<ModelSpec> models = new ArrayList<>();
    for (var path : request.files()) {
      SourceFileNode file = loader.loadRoot(path);
      if (file == null) {
        continue;
      }
      List<String> seen = new ArrayList<>();
      for (DefinitionNode model : file.models()) {
        if (seen.contains(model.name())) {
          sink.error(DiagnosticCode.DUPLICATE_NAME, model.nameSpan(), "model '" + model.name() + "' is already defined");
          continue;
        }
        seen.add(model.name());
        try {
          ModelSpec spec = new ModelLinker(sink, loader.blocksVisibleFrom(file), request.overrides()).link(file, model);
          ModelRules.checkAll(spec, sink);
          models.add(spec);
        } catch (StackOverflowError e) {
          sink.error(DiagnosticCode.SYNTAX, model.nameSpan(), "model " + model.name() + " is nested too deeply to link");
        }
      }
    }
    boolean failed = sink.hasErrors();
    return new CompileResult(failed ? List.of() : models, inSourceOrder(sink.diagnostics(), loader), loader.sources(),
        loader.parsedFiles(), models);
  }

  /** Diagnostics by file (in reading order), then line and column; stable for equal positions. */
  private static List<Diagnostic> inSourceOrder(List<Diagnostic> diagnostics, ProgramLoader loader) {
    List<String> files = new ArrayList<>(loader.sources().keySet());
    Comparator<Diagnostic> byFile = Comparator.comparingInt(d -> {
      int i = files.indexOf(d.span().file());
      return i < 0 ? -1 : i;
    });
    return diagnostics.stream()
        .sorted(byFile.thenComparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()))
        .toList();
  }
}
