package org.akorn.dsl.format;

/**
 * Re-indents a comment: trailing spaces go; in a block comment every following line that starts
 * with {@code *} is aligned one space to the right of the comment's first column (other lines
 * are kept as written).
 */
final class CommentText {
  private CommentText() {}

  static String reindent(String comment, int column) {
    String[] lines = comment.split("\r\n|\r|\n", -1);
    StringBuilder b = new StringBuilder(lines[0].stripTrailing());
    for (int i = 1; i < lines.length; i++) {
      String stripped = lines[i].strip();
      b.append('\n');
      if (stripped.startsWith("*")) {
        b.append(" ".repeat(column + 1)).append(stripped);
      } else {
        b.append(lines[i].stripTrailing());
      }
    }
    return b.toString();
  }
}
