package org.akorn.dsl.ast;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.akorn.dsl.diag.SourceSpan;

/** {@code import "common/readouts.akorn";} — a path relative to the importing file. */
public record ImportNode(SourceSpan span, String path) {

  /** The imported file for an importer at {@code importer}, or empty when the path is not valid. */
  public Optional<Path> resolveFrom(Path importer) {
    try {
      if (path.isBlank()) {
        return Optional.empty();
      }
      Path parent = importer.getParent();
      return Optional.of((parent == null ? Path.of(path) : parent.resolve(path)).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
