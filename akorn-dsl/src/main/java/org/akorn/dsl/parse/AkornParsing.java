package org.akorn.dsl.parse;

import java.util.Optional;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.internal.grammar.AkornLexer;
import org.akorn.dsl.internal.grammar.AkornParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Parses one {@code .akorn} text into its AST, reporting every syntax error to the sink. */
public final class AkornParsing {
  private AkornParsing() {}

  /**
   * @param file the name diagnostics use for this text
   * @return the AST, or empty when the text has syntax errors (they are all in the sink)
   */
  public static Optional<SourceFileNode> parse(String file, String text, DiagnosticSink sink) {
    return parseTree(file, text, sink).map(t -> new AstBuilder(file, t.tokens()).file(t.tree()));
  }

  /**
   * The parse tree and every token (comments included, on their hidden channels), for tools that
   * work on the text as written, such as the formatter; empty when there are syntax errors.
   */
  public static Optional<SyntaxTree> parseTree(String file, String text, DiagnosticSink sink) {
    SyntaxErrorCollector errors = new SyntaxErrorCollector(file, sink);
    AkornLexer lexer = new AkornLexer(CharStreams.fromString(text, file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    AkornParser parser = new AkornParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    try {
      AkornParser.FileContext tree = parser.file();
      if (errors.count() > 0) {
        return Optional.empty();
      }
      tokens.fill();
      return Optional.of(new SyntaxTree(tree, tokens));
    } catch (StackOverflowError e) {
      sink.error(DiagnosticCode.SYNTAX, SourceSpan.point(file, 1, 1), "the file is nested too deeply to parse");
      return Optional.empty();
    }
  }

  /** A syntax-error-free parse tree with its token stream. */
  public record SyntaxTree(AkornParser.FileContext tree, CommonTokenStream tokens) {}
}
