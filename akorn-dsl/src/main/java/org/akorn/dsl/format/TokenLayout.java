package org.akorn.dsl.format;

/**
 * Where one token of the canonical layout goes: on a new line ({@code lineStart}) indented by
 * {@code column} spaces, or after the previous token with or without a space. {@code depth} is
 * the nesting level of the statement the token belongs to (continuation lines are indented from
 * it); {@code commentColumn} is where a comment on its own line in front of the token goes;
 * {@code closing} marks the brace that ends a body (no blank line in front of it).
 */
record TokenLayout(boolean lineStart, int column, boolean space, int depth, int commentColumn, boolean closing) {
  static TokenLayout inline(boolean space, int depth) {
    return new TokenLayout(false, 0, space, depth, 0, false);
  }

  static TokenLayout line(int column, int depth) {
    return new TokenLayout(true, column, true, depth, column, false);
  }

  static TokenLayout closingBrace(int depth) {
    int column = depth * 2;
    return new TokenLayout(true, column, true, depth, column + 2, true);
  }
}
