package org.akorn.dsl.ast;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;

/** One parsed {@code .akorn} file: its package, imports, models and reusable blocks. */
public record SourceFileNode(
    SourceSpan span,
    String path,
    String packageName,
    List<ImportNode> imports,
    List<DefinitionNode> models,
    List<DefinitionNode> blocks) {
  public SourceFileNode {
    imports = List.copyOf(imports);
    models = List.copyOf(models);
    blocks = List.copyOf(blocks);
  }
}
