package org.akorn.codegen.output;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One generated source: its path relative to the output directory (forward slashes, e.g. {@code
 * org/example/Sudoku.java}) and its content.
 */
public record GeneratedFile(String relativePath, String content) {
  public GeneratedFile {
    Objects.requireNonNull(relativePath, "relativePath");
    Objects.requireNonNull(content, "content");
  }

  /** The file's place under {@code outputDir}; null when the relative path would leave it. */
  public Path resolveIn(Path outputDir) {
    Path root = outputDir.toAbsolutePath().normalize();
    if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("\\")) {
      return null;
    }
    Path target = root.resolve(relativePath).normalize();
    return target.startsWith(root) && !target.equals(root) ? target : null;
  }
}
