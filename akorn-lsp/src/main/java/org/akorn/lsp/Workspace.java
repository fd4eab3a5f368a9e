package org.akorn.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;
import org.akorn.dsl.SourceReader;
import org.akorn.dsl.assist.SymbolTable;
import org.akorn.dsl.ast.SourceFileNode;

/**
 * The open documents (their unsaved text shadows the files on disk, also for the files that
 * import them), the last check of each, and which files import which (open ones and those in
 * the workspace folders). Files are named by normalised absolute path.
 */
final class Workspace {
  /** One check of a document: the front end's result, and its syntax tree when it parsed. */
  record Analysis(String file, String text, CompileResult result) {
    Optional<SourceFileNode> tree() {
      return Optional.ofNullable(result.syntaxTrees().get(file));
    }

    Optional<SymbolTable> symbols() {
      return tree().map(t -> SymbolTable.of(t, result.syntaxTrees()));
    }
  }

  private final Map<String, String> open = new ConcurrentHashMap<>();
  private final Map<String, Analysis> latest = new ConcurrentHashMap<>();
  /** The last analysis of each document whose text parsed, for navigation while the text is broken. */
  private final Map<String, Analysis> lastParsed = new ConcurrentHashMap<>();
  private final ImportGraph imports = new ImportGraph();

  /** The editor's workspace folders, whose {@code .akorn} files are checked when a file they import changes. */
  void setFolders(List<Path> folders) {
    imports.setFolders(folders);
  }

  void open(String file, String text) {
    open.put(file, text);
  }

  void close(String file) {
    open.remove(file);
    latest.remove(file);
    lastParsed.remove(file);
  }

  Optional<String> text(String file) {
    return Optional.ofNullable(open.get(file));
  }

  List<String> openFiles() {
    return new ArrayList<>(open.keySet());
  }

  /** Checks {@code file} against the open buffers and the disk; remembers the result. */
  Analysis analyze(String file) {
    String text = open.getOrDefault(file, "");
    SourceReader reader = SourceReader.fileSystem().withBuffers(Map.copyOf(open));
    CompileResult result = AkornCompiler.check(new CompileRequest(List.of(Path.of(file)), Map.of(), reader));
    Analysis a = new Analysis(file, text, result);
    latest.put(file, a);
    imports.record(file, result.sources().keySet());
    if (a.tree().isPresent()) {
      lastParsed.put(file, a);
    }
    return a;
  }

  /** The latest analysis whose text parsed (checking now when there is none yet). */
  Optional<Analysis> navigable(String file) {
    Analysis a = lastParsed.get(file);
    if (a == null || !a.text().equals(open.get(file))) {
      Analysis fresh = analyze(file);
      if (fresh.tree().isPresent()) {
        return Optional.of(fresh);
      }
    }
    return Optional.ofNullable(lastParsed.get(file));
  }

  /** The files that import {@code file} (open, or in the workspace folders), other than itself. */
  List<String> importersOf(String file) {
    return imports.importersOf(file, this::analyze);
  }
}
