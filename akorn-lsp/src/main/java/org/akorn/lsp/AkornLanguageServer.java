package org.akorn.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The server's lifecycle and capabilities; the work is in {@link AkornTextDocumentService}. */
public final class AkornLanguageServer implements LanguageServer, LanguageClientAware, AutoCloseable {
  private final Workspace workspace = new Workspace();
  private volatile LanguageClient client;
  private final DiagnosticsPublisher diagnostics;
  private final AkornTextDocumentService documents;
  private final WorkspaceService workspaceService = new AkornWorkspaceService();
  private final CompletableFuture<Integer> exited = new CompletableFuture<>();
  private volatile boolean shutdown;

  /** @param debounceMillis how long after the last change a document is checked */
  public AkornLanguageServer(long debounceMillis) {
    this.diagnostics = new DiagnosticsPublisher(workspace, () -> client, debounceMillis);
    this.documents = new AkornTextDocumentService(workspace, diagnostics);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    workspace.setFolders(folders(params));
    ServerCapabilities c = new ServerCapabilities();
    c.setTextDocumentSync(TextDocumentSyncKind.Full);
    c.setHoverProvider(true);
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setDocumentSymbolProvider(true);
    c.setFoldingRangeProvider(true);
    c.setDocumentFormattingProvider(true);
    c.setCompletionProvider(new CompletionOptions(false, List.of("=", "(", ",", ">", ":", "{")));
    String version = AkornLanguageServer.class.getPackage().getImplementationVersion();
    return CompletableFuture.completedFuture(new InitializeResult(c, new ServerInfo("akorn", version == null ? "dev" : version)));
  }

  /** The workspace folders, or the older single root, as paths (others than file: URIs are ignored). */
  private static List<Path> folders(InitializeParams params) {
    List<String> uris = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      params.getWorkspaceFolders().forEach(f -> uris.add(f.getUri()));
    } else if (params.getRootUri() != null) {
      uris.add(params.getRootUri());
    }
    List<Path> out = new ArrayList<>();
    for (String uri : uris) {
      if (uri.startsWith("file:")) {
        out.add(Path.of(URI.create(uri)).toAbsolutePath().normalize());
      }
    }
    return out;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    diagnostics.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    diagnostics.close();
    exited.complete(shutdown ? 0 : 1);
  }

  /** Completes with the exit status (0 after shutdown, 1 without) when the client sends exit. */
  CompletableFuture<Integer> exited() {
    return exited;
  }

  /** Stops the server's threads. */
  @Override
  public void close() {
    diagnostics.close();
    documents.close();
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspaceService;
  }
}
