package org.akorn.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.akorn.dsl.assist.Completions;
import org.akorn.dsl.assist.HoverText;
import org.akorn.dsl.assist.Reference;
import org.akorn.dsl.assist.Symbol;
import org.akorn.dsl.assist.SymbolTable;
import org.akorn.dsl.format.AkornFormatter;
import org.akorn.dsl.format.FormatResult;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The per-document requests: each one asks the front end and translates its answer to LSP. */
final class AkornTextDocumentService implements TextDocumentService, AutoCloseable {
  private final Workspace workspace;
  private final DiagnosticsPublisher diagnostics;
  /** Answers requests one at a time, off the connection's thread. */
  private final ExecutorService requests = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "akorn-lsp-requests");
    t.setDaemon(true);
    return t;
  });

  AkornTextDocumentService(Workspace workspace, DiagnosticsPublisher diagnostics) {
    this.workspace = workspace;
    this.diagnostics = diagnostics;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    workspace.open(file, params.getTextDocument().getText());
    diagnostics.changed(file);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    var changes = params.getContentChanges();
    if (!changes.isEmpty()) {
      workspace.open(file, changes.get(changes.size() - 1).getText()); // full-text sync
      diagnostics.changed(file);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    workspace.close(file);
    diagnostics.cleared(file);
    diagnostics.changed(file); // the files that import it now read it from disk
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    diagnostics.changed(Positions.file(params.getTextDocument().getUri()));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    Position p = params.getPosition();
    return CompletableFuture.supplyAsync(() -> workspace.navigable(file)
        .flatMap(a -> a.symbols().flatMap(t -> HoverText.at(t, a.result().partialModels(), p.getLine() + 1, p.getCharacter() + 1)))
        .map(text -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, text)))
        .orElse(null), requests);
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
      DefinitionParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    Position p = params.getPosition();
    return CompletableFuture.supplyAsync(() -> {
      List<Location> out = symbolAt(file, p).map(s -> List.of(Positions.location(s.nameSpan()))).orElse(List.of());
      return Either.forLeft(out);
    }, requests);
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    Position p = params.getPosition();
    boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
    return CompletableFuture.supplyAsync(() -> {
      Optional<Symbol> target = symbolAt(file, p);
      if (target.isEmpty()) {
        return List.of();
      }
      List<Location> out = new ArrayList<>();
      if (withDeclaration) {
        out.add(Positions.location(target.get().nameSpan()));
      }
      for (Reference r : referencesTo(file, target.get())) {
        Location l = Positions.location(r.span());
        if (!out.contains(l)) {
          out.add(l);
        }
      }
      return out;
    }, requests);
  }

  /** Uses in the document's program (it and its imports) and in every open document that imports the target's file. */
  private List<Reference> referencesTo(String file, Symbol target) {
    List<String> files = new ArrayList<>();
    files.add(file);
    files.addAll(workspace.openFiles());
    List<Reference> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String root : files) {
      workspace.navigable(root).ifPresent(a -> a.result().syntaxTrees().forEach((name, tree) -> {
        if (!seen.contains(name)) {
          seen.add(name);
          out.addAll(SymbolTable.of(tree, a.result().syntaxTrees()).referencesTo(target));
        }
      }));
    }
    return out;
  }

  private Optional<Symbol> symbolAt(String file, Position p) {
    return workspace.navigable(file).flatMap(Workspace.Analysis::symbols)
        .flatMap(t -> t.symbolAt(p.getLine() + 1, p.getCharacter() + 1));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    return CompletableFuture.supplyAsync(() -> workspace.navigable(file).flatMap(Workspace.Analysis::symbols)
        .map(t -> t.outline().stream().map(s -> Either.<SymbolInformation, DocumentSymbol>forRight(documentSymbol(s))).toList())
        .orElse(List.of()), requests);
  }

  private static DocumentSymbol documentSymbol(Symbol s) {
    DocumentSymbol d = new DocumentSymbol(s.name(), kind(s.kind()), Positions.range(s.span()), Positions.range(s.nameSpan()),
        s.detail());
    d.setChildren(s.children().stream().map(AkornTextDocumentService::documentSymbol).toList());
    return d;
  }

  private static SymbolKind kind(Symbol.Kind kind) {
    return switch (kind) {
      case MODEL -> SymbolKind.Class;
      case BLOCK -> SymbolKind.Module;
      case PARAM -> SymbolKind.Constant;
      case INPUT -> SymbolKind.Field;
      case OUTPUT -> SymbolKind.Property;
      case LET, LOOP_VARIABLE -> SymbolKind.Variable;
      case HEAD, STAGE -> SymbolKind.Function;
      case REPEAT, IF -> SymbolKind.Namespace;
      case USE -> SymbolKind.Package;
      case FILE -> SymbolKind.File;
    };
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    return CompletableFuture.supplyAsync(() -> {
      List<FoldingRange> out = new ArrayList<>();
      workspace.navigable(file).flatMap(Workspace.Analysis::symbols).ifPresent(t -> t.outline().forEach(s -> fold(s, out)));
      return out;
    }, requests);
  }

  private static void fold(Symbol s, List<FoldingRange> out) {
    if (s.span().endLine() > s.span().line()) {
      out.add(new FoldingRange(s.span().line() - 1, s.span().endLine() - 1));
    }
    s.children().forEach(c -> fold(c, out));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    Position p = params.getPosition();
    return CompletableFuture.supplyAsync(() -> {
      String text = workspace.text(file).orElse("");
      List<String> blocks = workspace.navigable(file).flatMap(Workspace.Analysis::symbols)
          .map(t -> List.copyOf(t.visibleBlocks().keySet())).orElse(List.of());
      List<CompletionItem> items = Completions.at(text, p.getLine() + 1, p.getCharacter() + 1, blocks).stream()
          .map(AkornTextDocumentService::completionItem).toList();
      return Either.forLeft(items);
    }, requests);
  }

  private static CompletionItem completionItem(Completions.Item i) {
    CompletionItem c = new CompletionItem(i.label());
    c.setDetail(i.detail());
    c.setKind(switch (i.kind()) {
      case KEYWORD -> CompletionItemKind.Keyword;
      case STAGE -> CompletionItemKind.Class;
      case OPTION -> CompletionItemKind.Function;
      case PROPERTY -> CompletionItemKind.Property;
      case VALUE -> CompletionItemKind.EnumMember;
      case NAME -> CompletionItemKind.Variable;
      case TYPE -> CompletionItemKind.TypeParameter;
      case BLOCK -> CompletionItemKind.Module;
    });
    return c;
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    String file = Positions.file(params.getTextDocument().getUri());
    return CompletableFuture.supplyAsync(() -> {
      String text = workspace.text(file).orElse("");
      FormatResult r = AkornFormatter.format(file, text);
      if (!r.ok() || r.text().equals(text)) {
        return List.of();
      }
      return List.of(new TextEdit(Positions.whole(text), r.text()));
    }, requests);
  }

  @Override
  public void close() {
    requests.shutdown(); // no interrupt: the request threads write the responses
  }
}
