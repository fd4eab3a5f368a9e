package org.akorn.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the compiler gets file contents from: the file system, or a map in tests and tools. */
@FunctionalInterface
public interface SourceReader {
  /** The text of the file, or empty when it cannot be read. */
  Optional<String> read(Path path);

  static SourceReader fileSystem() {
    return path -> {
      try {
        return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    };
  }

  /** In-memory files keyed by their normalised path string ("dir/a.akorn"). */
  static SourceReader of(Map<String, String> files) {
    Map<String, String> copy = Map.copyOf(files);
    return path -> Optional.ofNullable(copy.get(path.normalize().toString()));
  }

  /**
   * Reads {@code buffers} (normalised path string to text, e.g. an editor's unsaved files)
   * before this reader: imports of a file see the edited text of the files they import.
   */
  default SourceReader withBuffers(Map<String, String> buffers) {
    Map<String, String> copy = Map.copyOf(buffers);
    return path -> {
      String text = copy.get(path.normalize().toString());
      return text != null ? Optional.of(text) : read(path);
    };
  }
}
