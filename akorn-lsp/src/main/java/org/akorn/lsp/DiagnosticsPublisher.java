package org.akorn.lsp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.akorn.dsl.diag.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Checks a document some milliseconds after its last change (typing restarts the wait), then the
 * files that import it (open, or in the workspace folders), and publishes each one's
 * diagnostics: those of the front end that lie in that file, with their code and exact range.
 */
final class DiagnosticsPublisher implements AutoCloseable {
  private final Workspace workspace;
  private final Supplier<LanguageClient> client;
  private final long debounceMillis;
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "akorn-lsp-diagnostics");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  DiagnosticsPublisher(Workspace workspace, Supplier<LanguageClient> client, long debounceMillis) {
    this.workspace = workspace;
    this.client = client;
    this.debounceMillis = debounceMillis;
  }

  /** Checks {@code file} (and its importers) once no further change came for the debounce time. */
  void changed(String file) {
    if (executor.isShutdown()) {
      return; // after shutdown the server answers nothing more
    }
    ScheduledFuture<?> previous = pending.put(file, executor.schedule(() -> publish(file), debounceMillis, TimeUnit.MILLISECONDS));
    if (previous != null) {
      previous.cancel(false);
    }
  }

  /** An empty list for a closed document, so the editor drops its markers. */
  void cleared(String file) {
    ScheduledFuture<?> previous = pending.remove(file);
    if (previous != null) {
      previous.cancel(false);
    }
    if (!executor.isShutdown()) {
      executor.execute(() -> send(file, List.of()));
    }
  }

  private void publish(String file) {
    pending.remove(file);
    Set<String> roots = new LinkedHashSet<>();
    if (workspace.text(file).isPresent()) {
      roots.add(file); // a closed file is not checked itself, only the files that import it
    }
    roots.addAll(workspace.importersOf(file));
    for (String root : roots) {
      Workspace.Analysis a = workspace.analyze(root);
      send(root, a.result().diagnostics().stream().filter(d -> d.span().file().equals(root)).toList());
    }
  }

  private void send(String file, List<Diagnostic> diagnostics) {
    LanguageClient c = client.get();
    if (c == null) {
      return;
    }
    List<org.eclipse.lsp4j.Diagnostic> out = diagnostics.stream().map(DiagnosticsPublisher::toLsp).toList();
    c.publishDiagnostics(new PublishDiagnosticsParams(Positions.uri(file), out));
  }

  static org.eclipse.lsp4j.Diagnostic toLsp(Diagnostic d) {
    var out = new org.eclipse.lsp4j.Diagnostic(Positions.range(d.span()), d.message(),
        d.isError() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "akorn");
    out.setCode(d.code().id());
    return out;
  }

  /**
   * Stops after the check in progress, without interrupting it: an interrupt while a message is
   * being written would close an interruptible output channel under the connection.
   */
  @Override
  public void close() {
    pending.values().forEach(f -> f.cancel(false));
    executor.shutdown();
  }
}
