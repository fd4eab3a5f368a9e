package org.akorn.dsl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to compile: the root files (their models are compiled; imported files only contribute
 * blocks), hyper-parameter overrides (parameter name to value text, applied to every model and
 * checked like the defaults), and where to read files from.
 */
public record CompileRequest(List<Path> files, Map<String, String> overrides, SourceReader reader) {
  public CompileRequest {
    files = List.copyOf(files);
    overrides = Map.copyOf(overrides);
  }

  public static CompileRequest of(Path... files) {
    return new CompileRequest(List.of(files), Map.of(), SourceReader.fileSystem());
  }

  public static CompileRequest of(List<Path> files) {
    return new CompileRequest(files, Map.of(), SourceReader.fileSystem());
  }

  /** One in-memory file, for tests and tools. */
  public static CompileRequest ofSource(String fileName, String text) {
    return new CompileRequest(List.of(Path.of(fileName)), Map.of(), SourceReader.of(Map.of(fileName, text)));
  }

  public CompileRequest withOverrides(Map<String, String> newOverrides) {
    return new CompileRequest(files, newOverrides, reader);
  }
}
