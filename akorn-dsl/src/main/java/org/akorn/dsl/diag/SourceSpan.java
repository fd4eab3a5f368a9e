package org.akorn.dsl.diag;

/**
 * Where something is in a source file: 1-based line and column of its first character, plus the
 * 1-based line and column just after its last character.
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn) {

  /** A span covering one point (used for whole-file problems such as a missing import). */
  public static SourceSpan point(String file, int line, int column) {
    return new SourceSpan(file, line, column, line, column + 1);
  }

  /** {@code file:line:col}, the prefix of every diagnostic. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return location();
  }
}
