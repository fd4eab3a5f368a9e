package org.akorn.lsp;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** An editor's side of the connection that records the diagnostics the server publishes. */
final class RecordingClient implements LanguageClient {
  private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

  /** The next diagnostics published for {@code uri} (others are skipped); fails after 10 s. */
  PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
      if (p != null && p.getUri().equals(uri)) {
        return p;
      }
    }
    throw new AssertionError("no diagnostics for " + uri);
  }

  /** The next diagnostics for any document within {@code millis}, or null when none came. */
  PublishDiagnosticsParams pollDiagnostics(long millis) throws InterruptedException {
    return diagnostics.poll(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams params) {
    diagnostics.add(params);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void showMessage(MessageParams params) {}

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams params) {}
}
