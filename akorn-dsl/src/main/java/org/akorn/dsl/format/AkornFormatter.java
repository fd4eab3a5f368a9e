package org.akorn.dsl.format;

import java.util.List;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.parse.AkornParsing;
import org.akorn.dsl.parse.AkornParsing.SyntaxTree;
import org.antlr.v4.runtime.Token;

/**
 * Prints an {@code .akorn} file in its one canonical layout, like gofmt: two-space indentation,
 * one statement per line, single spaces around operators, {@code ->} steps of a chain aligned
 * under its first step, at most one blank line in a row. Only whitespace between tokens changes:
 * the tokens and comments stay in their order, so the meaning cannot change. Comments keep their
 * place (at the end of a line, or on lines of their own); a doc comment's lines are re-indented.
 * Idempotent: formatting formatted text returns it unchanged.
 */
public final class AkornFormatter {
  private static final String INDENT = "  ";

  private AkornFormatter() {}

  /** The canonical text of {@code text}, or its syntax errors; {@code file} names it in those. */
  public static FormatResult format(String file, String text) {
    DiagnosticSink sink = new DiagnosticSink();
    var tree = AkornParsing.parseTree(file, text, sink);
    if (tree.isEmpty()) {
      return new FormatResult(null, sink.diagnostics());
    }
    return new FormatResult(print(tree.get()), List.of());
  }

  private static String print(SyntaxTree tree) {
    TokenLayout[] layout = new LayoutPlanner(tree).plan();
    List<Token> tokens = tree.tokens().getTokens();
    StringBuilder out = new StringBuilder();
    int lastLine = 0; // original line where the last printed token ended
    String lastText = null;
    boolean lastWasComment = false;
    boolean lastWasLineComment = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() == Token.EOF) {
        break;
      }
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        TokenLayout next = nextLayout(tokens, layout, i);
        boolean trailing = lastText != null && t.getLine() == lastLine && !lastWasLineComment;
        int column;
        if (trailing) {
          out.append(' ');
          column = out.length() - lineStart(out);
        } else {
          column = next == null ? 0 : next.lineStart() ? next.commentColumn() : continuation(next);
          newLine(out, lastText, blankBefore(t.getLine(), lastLine, lastText), column);
        }
        out.append(CommentText.reindent(t.getText(), column));
        lastLine = t.getLine() + (int) t.getText().chars().filter(c -> c == '\n').count();
        lastText = t.getText();
        lastWasComment = true;
        lastWasLineComment = t.getText().startsWith("//");
        continue;
      }
      TokenLayout l = layout[t.getTokenIndex()];
      if (l.lineStart()) {
        boolean blank = !l.closing() && blankBefore(t.getLine(), lastLine, lastText);
        newLine(out, lastText, blank, l.column());
      } else if (lastWasComment && (lastWasLineComment || t.getLine() > lastLine)) {
        newLine(out, lastText, false, continuation(l));
      } else if (lastText != null && (l.space() || lastWasComment)) {
        out.append(' ');
      }
      out.append(t.getText());
      lastLine = t.getLine();
      lastText = t.getText();
      lastWasComment = false;
      lastWasLineComment = false;
    }
    if (out.length() > 0) {
      out.append('\n');
    }
    return out.toString();
  }

  /** Keeps one blank line where the original had one or more, except right after an opening brace. */
  private static boolean blankBefore(int line, int lastLine, String lastText) {
    return lastText != null && !lastText.equals("{") && line > lastLine + 1;
  }

  private static void newLine(StringBuilder out, String lastText, boolean blank, int column) {
    if (lastText != null) {
      out.append('\n');
      if (blank) {
        out.append('\n');
      }
    }
    out.append(" ".repeat(column));
  }

  private static int continuation(TokenLayout l) {
    return (l.depth() + 2) * INDENT.length();
  }

  private static int lineStart(StringBuilder out) {
    return out.lastIndexOf("\n") + 1;
  }

  /** The layout of the next token that is not a comment, or null at the end of the file. */
  private static TokenLayout nextLayout(List<Token> tokens, TokenLayout[] layout, int from) {
    for (int j = from + 1; j < tokens.size(); j++) {
      Token t = tokens.get(j);
      if (t.getType() == Token.EOF) {
        return null;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return layout[t.getTokenIndex()];
      }
    }
    return null;
  }

  static String indent(int depth) {
    return INDENT.repeat(depth);
  }
}
