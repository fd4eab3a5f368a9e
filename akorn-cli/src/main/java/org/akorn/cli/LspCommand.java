package org.akorn.cli;

import java.util.concurrent.Callable;
import org.akorn.lsp.AkornLsp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code akorn lsp}: the language server for editors, speaking LSP over stdin and stdout (so
 * nothing else may be printed to stdout while it runs). Exits 0 after the client's shutdown and
 * exit, 1 when the client goes away without them.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true,
    description = "Run the .akorn language server on stdin/stdout (see docs/editor.md).")
public final class LspCommand implements Callable<Integer> {
  @Option(names = "--stdio", description = "Accepted for editors that pass it; stdio is the only transport.")
  boolean stdio;

  @Override
  public Integer call() throws InterruptedException {
    return AkornLsp.serve(System.in, System.out);
  }
}
