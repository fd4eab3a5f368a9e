package org.akorn.codegen;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.SourceReader;

/** TEMPORARY stand-in for the codegen branch's class (same API); replaced when `codegen` is merged. */
public record GenerationRequest(
    List<Path> files,
    Map<String, String> overrides,
    Map<String, Map<String, String>> modelOverrides,
    SourceReader reader,
    String toolVersion) {
  public static GenerationRequest of(List<Path> files) {
    return new GenerationRequest(files, Map.of(), Map.of(), SourceReader.fileSystem(), "dev");
  }
}
