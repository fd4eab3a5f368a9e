package org.akorn.dsl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the compiler gets file contents from: the file system, or a map in tests and tools. */
@FunctionalInterface
public interface SourceReader {
  /** The text of the file, or empty when it cannot be read. */
  Optional<String> read(Path path);

  /** Why {@link #read} found nothing, as the end of a sentence ("is a directory"); may be null. */
  default String whyUnreadable(Path path) {
    return null;
  }

  /**
   * Reads UTF-8 files from disk. The file type is checked before the file is opened (a FIFO would
   * block, a device never end); files over {@link FileSystemSources#MAX_BYTES} are refused.
   */
  static SourceReader fileSystem() {
    return new FileSystemSources();
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
    SourceReader below = this;
    return new SourceReader() {
      @Override
      public Optional<String> read(Path path) {
        String text = copy.get(path.normalize().toString());
        return text != null ? Optional.of(text) : below.read(path);
      }

      @Override
      public String whyUnreadable(Path path) {
        return below.whyUnreadable(path);
      }
    };
  }
}
