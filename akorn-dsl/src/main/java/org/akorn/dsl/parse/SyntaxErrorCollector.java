package org.akorn.dsl.parse;

import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.diag.SourceSpan;
import org.akorn.dsl.internal.grammar.AkornLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR's lexer and parser errors into {@code E001} diagnostics (1-based columns). */
final class SyntaxErrorCollector extends BaseErrorListener {
  private final String file;
  private final DiagnosticSink sink;
  private int count;

  SyntaxErrorCollector(String file, DiagnosticSink sink) {
    this.file = file;
    this.sink = sink;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    count++;
    int width = 1;
    if (offendingSymbol instanceof Token t && t.getText() != null && t.getType() != Token.EOF) {
      width = Math.max(1, t.getText().length());
    }
    int column = charPositionInLine + 1;
    String message = msg.replace("<EOF>", "end of file");
    if (offendingSymbol instanceof Token t && t.getType() == AkornLexer.UNTERMINATED_COMMENT) {
      message = "unterminated comment: '/*' without a closing '*/'";
      width = 2;
    } else if (offendingSymbol instanceof Token t && t.getType() == AkornLexer.UNTERMINATED_STRING) {
      message = "unterminated string: '\"' without a closing '\"' on the same line";
      width = 1;
    } else if (offendingSymbol instanceof Token t && t.getType() == AkornLexer.ERROR_CHAR) {
      message = "unexpected character '" + t.getText() + "'";
    }
    sink.error(DiagnosticCode.SYNTAX, new SourceSpan(file, line, column, line, column + width), message);
  }

  int count() {
    return count;
  }
}
