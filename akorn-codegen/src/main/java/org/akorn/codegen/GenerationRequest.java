package org.akorn.codegen;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.SourceReader;

/**
 * What to generate: the root {@code .akorn} files, hyper-parameter overrides for every model,
 * per-model overrides on top of them (model name to parameter to value text), where to read files
 * from, and the tool version written into each generated header.
 */
public record GenerationRequest(
    List<Path> files,
    Map<String, String> overrides,
    Map<String, Map<String, String>> modelOverrides,
    SourceReader reader,
    String toolVersion) {

  /** The version written into headers when none is given. */
  public static final String DEFAULT_TOOL_VERSION = "0.1.0-SNAPSHOT";

  public GenerationRequest {
    files = List.copyOf(files);
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    modelOverrides.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    modelOverrides = Collections.unmodifiableMap(copy);
    reader = reader == null ? SourceReader.fileSystem() : reader;
    toolVersion = toolVersion == null || toolVersion.isBlank() ? DEFAULT_TOOL_VERSION : toolVersion;
  }

  /** The files, read from the file system, no overrides, the default version. */
  public static GenerationRequest of(List<Path> files) {
    return new GenerationRequest(files, Map.of(), Map.of(), SourceReader.fileSystem(), DEFAULT_TOOL_VERSION);
  }

  public GenerationRequest withOverrides(Map<String, String> newOverrides) {
    return new GenerationRequest(files, newOverrides, modelOverrides, reader, toolVersion);
  }

  public GenerationRequest withReader(SourceReader newReader) {
    return new GenerationRequest(files, overrides, modelOverrides, newReader, toolVersion);
  }
}
