package org.akorn.codegen;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;

/** TEMPORARY stand-in for the codegen branch's class (same API): diagnostics only, no files. */
public final class AkornCodegen {
  private AkornCodegen() {}

  public static GenerationResult generate(GenerationRequest request) {
    CompileResult r = AkornCompiler.check(new CompileRequest(request.files(), request.overrides(), request.reader()));
    Set<Path> read = new LinkedHashSet<>();
    r.sources().keySet().forEach(k -> read.add(Path.of(k)));
    return new GenerationResult(r.diagnostics(), r.sources(), List.of(), r.models(), read);
  }
}
