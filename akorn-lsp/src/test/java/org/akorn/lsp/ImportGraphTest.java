package org.akorn.lsp;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportGraphTest {
  @Test
  void findsImportersInTheWorkspaceFoldersOnceSkippingBuildAndPackageFolders(@TempDir Path dir) throws Exception {
    String common = dir.resolve("common.akorn").toString();
    String importer = "import \"../common.akorn\";\nmodel M {\n}\n";
    Files.createDirectories(dir.resolve("models"));
    Files.createDirectories(dir.resolve("target/copy"));
    Files.createDirectories(dir.resolve("node_modules/pkg"));
    Files.writeString(dir.resolve("common.akorn"), "block B {\n}\n");
    Files.writeString(dir.resolve("models/a.akorn"), importer);
    Files.writeString(dir.resolve("target/copy/a.akorn"), importer);
    Files.writeString(dir.resolve("node_modules/pkg/a.akorn"), importer);
    Files.writeString(dir.resolve("models/alone.akorn"), "model N {\n}\n");
    Workspace workspace = new Workspace();
    workspace.setFolders(List.of(dir));
    List<String> checked = new ArrayList<>();
    ImportGraph graph = new ImportGraph();
    graph.setFolders(List.of(dir));

    List<String> first = graph.importersOf(common, f -> {
      checked.add(Path.of(f).getFileName().toString());
      graph.record(f, workspace.analyze(f).result().sources().keySet());
    });
    List<String> second = graph.importersOf(common, f -> checked.add("again " + f));

    assertThat(first).containsExactly(dir.resolve("models/a.akorn").toString());
    assertThat(second).isEqualTo(first);
    assertThat(checked).containsExactly("a.akorn", "alone.akorn", "common.akorn");
  }
}
