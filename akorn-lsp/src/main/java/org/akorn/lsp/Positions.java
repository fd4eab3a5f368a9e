package org.akorn.lsp;

import java.net.URI;
import java.nio.file.Path;
import org.akorn.dsl.diag.SourceSpan;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Converts between the front end's 1-based spans and file names and LSP's 0-based ranges and URIs. */
final class Positions {
  private Positions() {}

  static Range range(SourceSpan span) {
    return new Range(new Position(span.line() - 1, span.column() - 1), new Position(span.endLine() - 1, span.endColumn() - 1));
  }

  static Location location(SourceSpan span) {
    return new Location(uri(span.file()), range(span));
  }

  /** The compiler's name for the file at {@code uri}: its normalised absolute path. */
  static String file(String uri) {
    return Path.of(URI.create(uri)).toAbsolutePath().normalize().toString();
  }

  static String uri(String file) {
    return Path.of(file).toAbsolutePath().normalize().toUri().toString();
  }

  /** The range covering all of {@code text}. */
  static Range whole(String text) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Range(new Position(0, 0), new Position(line, text.length() - lineStart));
  }
}
