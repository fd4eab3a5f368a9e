package org.akorn.lsp;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsPublisherTest {
  @Test
  void checksOnceAfterTheLastOfRapidChanges(@TempDir Path dir) throws Exception {
    String file = dir.resolve("m.akorn").toString();
    Workspace workspace = new Workspace();
    RecordingClient client = new RecordingClient();
    try (DiagnosticsPublisher publisher = new DiagnosticsPublisher(workspace, () -> client, 300)) {
      long start = System.nanoTime();
      for (String text : List.of("model M {", "model M { param", "model M { param a: int = ;", "model M {\n}\n")) {
        workspace.open(file, text);
        publisher.changed(file);
      }

      PublishDiagnosticsParams first = client.nextDiagnostics(Positions.uri(file));
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;

      // Only the last text was checked: a model without outputs (E211), no syntax errors.
      assertThat(first.getDiagnostics()).hasSize(1);
      assertThat(first.getDiagnostics().get(0).getCode().getLeft()).isEqualTo("E211");
      assertThat(waitedMillis).isAtLeast(300L);
      assertThat(client.pollDiagnostics(500)).isNull();
    }
  }
}
