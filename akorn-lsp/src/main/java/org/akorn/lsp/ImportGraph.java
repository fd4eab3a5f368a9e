package org.akorn.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Which files each checked file read (itself and its imports, transitively), for the open
 * documents and for the {@code .akorn} files in the editor's workspace folders: the files to
 * check again when one of them changes.
 */
final class ImportGraph {
  /** Enough for any model repository; a workspace with more files is only partly scanned. */
  static final int MAX_SCANNED_FILES = 2000;
  private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", ".git");

  private final Map<String, Set<String>> reads = new ConcurrentHashMap<>();
  private volatile List<Path> folders = List.of();
  private volatile boolean scanned;

  void setFolders(List<Path> workspaceFolders) {
    folders = List.copyOf(workspaceFolders);
    scanned = false;
  }

  void record(String file, Set<String> read) {
    reads.put(file, Set.copyOf(read));
  }

  /**
   * The files whose last check read {@code file}, other than itself; the workspace folders are
   * checked once, on the first call, with {@code check}.
   */
  List<String> importersOf(String file, Consumer<String> check) {
    if (!scanned) {
      scanned = true;
      workspaceFiles().stream().filter(f -> !reads.containsKey(f)).forEach(check);
    }
    List<String> out = new ArrayList<>();
    reads.forEach((root, read) -> {
      if (!root.equals(file) && read.contains(file)) {
        out.add(root);
      }
    });
    out.sort(null);
    return out;
  }

  private List<String> workspaceFiles() {
    List<String> files = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(folder, 16)) {
        walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".akorn"))
            .filter(p -> folder.relativize(p).toString().isEmpty() || !skipped(folder.relativize(p)))
            .filter(Files::isRegularFile)
            .limit(MAX_SCANNED_FILES - files.size())
            .forEach(p -> files.add(p.toAbsolutePath().normalize().toString()));
      } catch (IOException | UncheckedIOException e) {
        // an unreadable folder: its files are simply not known
      }
    }
    return files;
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_FOLDERS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
