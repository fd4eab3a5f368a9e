package org.akorn.runtime.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code .akorn} source a model was compiled from, kept in its checkpoints so that a checkpoint
 * alone rebuilds the model: the main file, every file it imports (paths relative to the main
 * file's folder, {@code /}-separated) and the hyper-parameter overrides it was compiled with.
 *
 * @param mainFile the path of the file that defines the model, a key of {@code files}
 * @param files file path to text
 * @param overrides hyper-parameter name to value text ({@code -P name=value})
 */
public record ModelSource(
    String mainFile, SortedMap<String, String> files, SortedMap<String, String> overrides) {

  public ModelSource {
    Objects.requireNonNull(mainFile, "mainFile");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    overrides = Collections.unmodifiableSortedMap(new TreeMap<>(overrides));
    if (!files.containsKey(mainFile)) {
      throw new IllegalArgumentException("the main file " + mainFile + " is not among " + files.keySet());
    }
    for (String path : files.keySet()) {
      if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
          || path.equals("..") || path.startsWith("../") || path.contains("/../")) {
        throw new IllegalArgumentException("source paths are relative and stay inside their"
            + " folder, got '" + path + "'");
      }
    }
  }

  /** A source from any maps. */
  public static ModelSource of(String mainFile, Map<String, String> files,
      Map<String, String> overrides) {
    return new ModelSource(mainFile, new TreeMap<>(files), new TreeMap<>(overrides));
  }
}
