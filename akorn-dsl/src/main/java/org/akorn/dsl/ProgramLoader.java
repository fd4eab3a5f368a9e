package org.akorn.dsl;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.akorn.dsl.ast.DefinitionNode;
import org.akorn.dsl.ast.ImportNode;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.parse.AkornParsing;

/** Reads and parses files and, transitively, their imports; detects cycles and missing files. */
final class ProgramLoader {
  private final SourceReader reader;
  private final DiagnosticSink sink;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, Optional<SourceFileNode>> parsed = new LinkedHashMap<>();
  private final Deque<String> loading = new ArrayDeque<>();

  ProgramLoader(SourceReader reader, DiagnosticSink sink) {
    this.reader = reader;
    this.sink = sink;
  }

  private String because(Path path) {
    String why = reader.whyUnreadable(path);
    return why == null ? "" : ": " + why;
  }

  /** A file named on the command line; null when unreadable or unparsable (reported). */
  SourceFileNode loadRoot(Path path) {
    String name = path.normalize().toString();
    Optional<String> text = reader.read(path);
    if (text.isEmpty()) {
      sink.error(DiagnosticCode.FILE_NOT_READABLE, SourceSpan.point(name, 1, 1),
          "cannot read file '" + name + "'" + because(path));
      return null;
    }
    return load(path.normalize(), text.get()).orElse(null);
  }

  private Optional<SourceFileNode> load(Path path, String text) {
    String name = path.toString();
    if (parsed.containsKey(name)) {
      return parsed.get(name);
    }
    sources.put(name, text);
    Optional<SourceFileNode> file = AkornParsing.parse(name, text, sink);
    parsed.put(name, file);
    loading.push(name);
    file.ifPresent(f -> f.imports().forEach(i -> loadImport(path, i)));
    loading.pop();
    return file;
  }

  private void loadImport(Path importer, ImportNode imp) {
    Path target = resolve(importer, imp);
    if (target == null) {
      sink.error(DiagnosticCode.IMPORT_NOT_FOUND, imp.span(), "'" + imp.path() + "' is not a valid file path");
      return;
    }
    String name = target.toString();
    if (loading.contains(name)) {
      List<String> cycle = new ArrayList<>(loading);
      java.util.Collections.reverse(cycle);
      cycle = new ArrayList<>(cycle.subList(cycle.indexOf(name), cycle.size()));
      cycle.add(name);
      sink.error(DiagnosticCode.IMPORT_CYCLE, imp.span(), "import cycle: " + String.join(" -> ", cycle));
      return;
    }
    if (parsed.containsKey(name)) {
      return;
    }
    Optional<String> text = reader.read(target);
    if (text.isEmpty()) {
      sink.error(DiagnosticCode.IMPORT_NOT_FOUND, imp.span(),
          "cannot read imported file '" + name + "'" + because(target));
      return;
    }
    load(target, text.get());
  }

  /** The blocks a file may use: its own and those of every file it imports, transitively. */
  Map<String, DefinitionNode> blocksVisibleFrom(SourceFileNode root) {
    Map<String, DefinitionNode> blocks = new LinkedHashMap<>();
    collect(root, blocks, new ArrayList<>());
    return blocks;
  }

  private void collect(SourceFileNode file, Map<String, DefinitionNode> blocks, List<String> visited) {
    if (visited.contains(file.path())) {
      return;
    }
    visited.add(file.path());
    for (DefinitionNode b : file.blocks()) {
      DefinitionNode previous = blocks.putIfAbsent(b.name(), b);
      if (previous != null && previous != b) {
        sink.error(DiagnosticCode.DUPLICATE_NAME, b.nameSpan(), "block '" + b.name() + "' is already defined at "
            + previous.nameSpan().location());
      }
    }
    Path path = Path.of(file.path());
    for (ImportNode imp : file.imports()) {
      Path target = resolve(path, imp);
      Optional<SourceFileNode> imported =
          target == null ? Optional.empty() : parsed.getOrDefault(target.toString(), Optional.empty());
      imported.ifPresent(f -> collect(f, blocks, visited));
    }
  }

  /** The imported path relative to the importing file, or null when it is not a valid path. */
  private static Path resolve(Path importer, ImportNode imp) {
    return imp.resolveFrom(importer).orElse(null);
  }

  /** Every file that parsed, by path. */
  Map<String, SourceFileNode> parsedFiles() {
    Map<String, SourceFileNode> files = new LinkedHashMap<>();
    parsed.forEach((name, file) -> file.ifPresent(f -> files.put(name, f)));
    return files;
  }

  Map<String, String> sources() {
    return sources;
  }
}
