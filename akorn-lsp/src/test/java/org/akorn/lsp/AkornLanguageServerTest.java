package org.akorn.lsp;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the server as an editor does: LSP4J's client launcher over a pair of pipes. */
class AkornLanguageServerTest {
  private static final String MODEL = String.join("\n",
      "import \"common.akorn\";",
      "",
      "model Tiny {",
      "  /** Channels. */",
      "  param ch: int = 8;",
      "  input d: int[4, 4] in 0..3;",
      "  stem = embedding(d, vocab = 4, dim = ch);",
      "  init = noise;",
      "  layer {",
      "    n = 2;",
      "    channels = ch;",
      "    steps = 2;",
      "    connectivity = attention(heads = 2, positional = gta);",
      "  }",
      "  use Readout;",
      "  head logits = cell_classifier(classes = 3);",
      "  output logits;",
      "}",
      "");
  private static final String COMMON = "block Readout {\n  readout = readout(N = 2);\n}\n";

  @TempDir Path dir;
  private final RecordingClient client = new RecordingClient();
  private LanguageServer server;
  private CompletableFuture<Integer> served;
  private String modelUri;
  private String commonUri;

  @BeforeEach
  void start() throws IOException {
    // java.nio pipes rather than java.io's PipedInputStream, which fails once a writing thread ends.
    Pipe toServer = Pipe.open();
    Pipe toClient = Pipe.open();
    InputStream serverIn = Channels.newInputStream(toServer.source());
    OutputStream serverOut = Channels.newOutputStream(toClient.sink());
    served = new CompletableFuture<>();
    Thread serverThread = new Thread(() -> {
      try {
        served.complete(AkornLsp.serve(serverIn, serverOut));
      } catch (InterruptedException e) {
        served.completeExceptionally(e);
      }
    }, "server");
    serverThread.setDaemon(true);
    serverThread.start();
    var launcher = LSPLauncher.createClientLauncher(
        client, Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()));
    launcher.startListening();
    server = launcher.getRemoteProxy();
    Files.writeString(dir.resolve("common.akorn"), COMMON);
    Files.writeString(dir.resolve("tiny.akorn"), MODEL);
    modelUri = dir.resolve("tiny.akorn").toUri().toString();
    commonUri = dir.resolve("common.akorn").toUri().toString();
  }

  @AfterEach
  void stop() throws Exception {
    if (!served.isDone()) {
      server.shutdown().get(10, TimeUnit.SECONDS);
      server.exit();
    }
    assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(0);
  }

  private InitializeResult initialize() throws Exception {
    InitializeResult r = server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    return r;
  }

  private void open(String uri, String text) {
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "akorn", 1, text)));
  }

  private void change(String uri, int version, String text) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  private static Range range(int line, int character, int endLine, int endCharacter) {
    return new Range(new Position(line, character), new Position(endLine, endCharacter));
  }

  @Test
  void initializeAnnouncesEveryFeature() throws Exception {
    var c = initialize().getCapabilities();

    assertThat(c.getHoverProvider().getLeft()).isTrue();
    assertThat(c.getDefinitionProvider().getLeft()).isTrue();
    assertThat(c.getReferencesProvider().getLeft()).isTrue();
    assertThat(c.getDocumentSymbolProvider().getLeft()).isTrue();
    assertThat(c.getFoldingRangeProvider().getLeft()).isTrue();
    assertThat(c.getDocumentFormattingProvider().getLeft()).isTrue();
    assertThat(c.getCompletionProvider().getTriggerCharacters()).contains("=");
  }

  @Test
  void publishesDiagnosticsForABrokenFileAndClearsThemWhenFixed() throws Exception {
    initialize();
    open(modelUri, MODEL.replace("heads = 2,", "heads = 3,"));

    List<Diagnostic> broken = client.nextDiagnostics(modelUri).getDiagnostics();
    assertThat(broken).hasSize(1);
    assertThat(broken.get(0).getCode().getLeft()).isEqualTo("E202");
    assertThat(broken.get(0).getRange()).isEqualTo(range(12, 37, 12, 38));
    assertThat(broken.get(0).getMessage()).isEqualTo("heads 3 do not divide channels 8");

    change(modelUri, 2, MODEL);
    assertThat(client.nextDiagnostics(modelUri).getDiagnostics()).isEmpty();
  }

  @Test
  void reportsSyntaxErrorsWithTheirRange() throws Exception {
    initialize();
    open(modelUri, MODEL.replace("param ch: int = 8;", "param ch: int = ;"));

    List<Diagnostic> d = client.nextDiagnostics(modelUri).getDiagnostics();
    assertThat(d.get(0).getCode().getLeft()).isEqualTo("E001");
    assertThat(d.get(0).getRange()).isEqualTo(range(4, 18, 4, 19));
  }

  @Test
  void rechecksOpenFilesThatImportAChangedFile() throws Exception {
    initialize();
    open(modelUri, MODEL);
    assertThat(client.nextDiagnostics(modelUri).getDiagnostics()).isEmpty();
    open(commonUri, COMMON);
    assertThat(client.nextDiagnostics(commonUri).getDiagnostics()).isEmpty();

    change(commonUri, 2, COMMON.replace("block Readout", "block Renamed"));

    assertThat(client.nextDiagnostics(commonUri).getDiagnostics()).isEmpty();
    List<Diagnostic> importer = client.nextDiagnostics(modelUri).getDiagnostics();
    assertThat(importer.get(0).getCode().getLeft()).isEqualTo("E100");
    assertThat(importer.get(0).getMessage()).isEqualTo("unknown block 'Readout'");
    assertThat(importer.get(0).getRange()).isEqualTo(range(14, 2, 14, 14));
  }

  @Test
  void rechecksClosedFilesOfTheWorkspaceThatImportAChangedFile() throws Exception {
    InitializeParams params = new InitializeParams();
    params.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "models")));
    server.initialize(params).get(10, TimeUnit.SECONDS);
    open(commonUri, COMMON);
    assertThat(client.nextDiagnostics(commonUri).getDiagnostics()).isEmpty();
    assertThat(client.nextDiagnostics(modelUri).getDiagnostics()).isEmpty(); // found in the folder, not open

    change(commonUri, 2, COMMON.replace("block Readout", "block Renamed"));

    List<Diagnostic> importer = client.nextDiagnostics(modelUri).getDiagnostics();
    assertThat(importer.stream().map(d -> d.getCode().getLeft() + " " + d.getMessage()).toList())
        .containsExactly("E100 unknown block 'Readout'");
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(commonUri)));
    assertThat(client.nextDiagnostics(modelUri).getDiagnostics()).isEmpty(); // the file on disk has the block
  }

  @Test
  void hoverShowsParameterValuesAndStageNumbers() throws Exception {
    initialize();
    open(modelUri, MODEL);
    var docs = server.getTextDocumentService();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(modelUri);

    String param = docs.hover(new HoverParams(doc, new Position(10, 17))).get(10, TimeUnit.SECONDS).getContents().getRight().getValue();
    assertThat(param).isEqualTo("```akorn\nparam ch: int = 8\n```\n\ndefault: `8`\n\nChannels.");
    // C = 8, 2 heads, GTA on 4x4: 4*8*8 + 4*8 + 8*16*4 = 800 parameters; MACs per step
    // 16*4*8*8 + 2*16*16*8 + 8*16*8 = 9,216.
    String layer = docs.hover(new HoverParams(doc, new Position(8, 3))).get(10, TimeUnit.SECONDS).getContents().getRight().getValue();
    assertThat(layer).contains("| layer 1 | kuramoto | [8, 4, 4] | 800 | 9,216 |");
  }

  @Test
  void definitionAndReferencesFollowNamesAcrossFiles() throws Exception {
    initialize();
    open(modelUri, MODEL);
    var docs = server.getTextDocumentService();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(modelUri);

    List<? extends Location> ch = docs.definition(new DefinitionParams(doc, new Position(10, 16))).get(10, TimeUnit.SECONDS).getLeft();
    assertThat(ch).containsExactly(new Location(modelUri, range(4, 8, 4, 10)));
    List<? extends Location> block = docs.definition(new DefinitionParams(doc, new Position(14, 8))).get(10, TimeUnit.SECONDS).getLeft();
    assertThat(block).containsExactly(new Location(commonUri, range(0, 6, 0, 13)));
    List<? extends Location> file = docs.definition(new DefinitionParams(doc, new Position(0, 10))).get(10, TimeUnit.SECONDS).getLeft();
    assertThat(file).containsExactly(new Location(commonUri, range(0, 0, 0, 1)));

    List<? extends Location> uses = docs.references(new ReferenceParams(doc, new Position(4, 9), new ReferenceContext(true)))
        .get(10, TimeUnit.SECONDS);
    assertThat(uses).containsExactly(
        new Location(modelUri, range(4, 8, 4, 10)),
        new Location(modelUri, range(6, 39, 6, 41)),
        new Location(modelUri, range(10, 15, 10, 17))).inOrder();
    List<? extends Location> importers = docs.references(new ReferenceParams(doc, new Position(0, 3), new ReferenceContext(true)))
        .get(10, TimeUnit.SECONDS);
    assertThat(importers).containsExactly(
        new Location(commonUri, range(0, 0, 0, 1)),
        new Location(modelUri, range(0, 0, 0, 22))).inOrder();
  }

  @Test
  void outlineAndFoldingRanges() throws Exception {
    initialize();
    open(modelUri, MODEL);
    var docs = server.getTextDocumentService();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(modelUri);

    List<DocumentSymbol> outline = docs.documentSymbol(new DocumentSymbolParams(doc)).get(10, TimeUnit.SECONDS)
        .stream().map(e -> e.getRight()).toList();
    assertThat(outline).hasSize(1);
    assertThat(outline.get(0).getName()).isEqualTo("Tiny");
    assertThat(outline.get(0).getChildren().stream().map(DocumentSymbol::getName).toList())
        .containsExactly("ch", "d", "stem", "init", "layer", "use Readout", "logits", "logits").inOrder();
    List<FoldingRange> folds = docs.foldingRange(new FoldingRangeRequestParams(doc)).get(10, TimeUnit.SECONDS);
    assertThat(folds.stream().map(f -> f.getStartLine() + "-" + f.getEndLine()).toList())
        .containsExactly("2-17", "8-13").inOrder();
  }

  @Test
  void completionOffersWhatFitsTheContext() throws Exception {
    initialize();
    String typing = MODEL.replace("positional = gta", "positional = ");
    open(modelUri, typing);
    var docs = server.getTextDocumentService();
    TextDocumentIdentifier doc = new TextDocumentIdentifier(modelUri);

    List<String> values = docs.completion(new CompletionParams(doc, new Position(12, 53))).get(10, TimeUnit.SECONDS)
        .getLeft().stream().map(CompletionItem::getLabel).toList();
    assertThat(values).containsExactly("gta", "none", "ch", "d", "logits").inOrder();
    List<String> properties = docs.completion(new CompletionParams(doc, new Position(9, 4))).get(10, TimeUnit.SECONDS)
        .getLeft().stream().map(CompletionItem::getLabel).toList();
    assertThat(properties).containsExactly("n", "channels", "steps", "gamma", "connectivity", "omega", "c_norm", "projection")
        .inOrder();
  }

  @Test
  void formattingReturnsOneEditWithTheCanonicalText() throws Exception {
    initialize();
    String messy = "model M{param a:int=1;\n\n\n output o=state;}";
    open(modelUri, messy);

    List<? extends TextEdit> edits = server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(modelUri), new FormattingOptions(2, true)))
        .get(10, TimeUnit.SECONDS);

    assertThat(edits).containsExactly(new TextEdit(range(0, 0, 3, 17),
        "model M {\n  param a: int = 1;\n\n  output o = state;\n}\n"));
  }

  @Test
  void exitsWithStatusOneWithoutShutdown() throws Exception {
    initialize();
    server.exit();
    assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    served = CompletableFuture.completedFuture(0);
  }
}
