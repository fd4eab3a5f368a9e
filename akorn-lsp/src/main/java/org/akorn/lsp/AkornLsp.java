package org.akorn.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server on a pair of streams (stdio for {@code akorn lsp}). */
public final class AkornLsp {
  /** How long after the last keystroke a document is checked. */
  public static final long DEBOUNCE_MILLIS = 200;

  private AkornLsp() {}

  /**
   * Serves until the client sends {@code exit} or closes the input.
   *
   * @return the exit status: 0 after shutdown and exit, 1 otherwise
   */
  public static int serve(InputStream in, OutputStream out) throws InterruptedException {
    AkornLanguageServer server = new AkornLanguageServer(DEBOUNCE_MILLIS);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread closed = new Thread(() -> {
      try {
        listening.get();
      } catch (InterruptedException | ExecutionException | CancellationException e) {
        // the connection is gone either way
      }
      server.exited().complete(1); // input closed without exit; no effect after exit
    }, "akorn-lsp-connection");
    closed.setDaemon(true);
    closed.start();
    try {
      return server.exited().get();
    } catch (ExecutionException e) {
      return 1;
    } finally {
      server.close();
    }
  }
}
