package org.akorn.dsl.assist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.akorn.dsl.assist.Vocabulary.Option;
import org.akorn.dsl.assist.Vocabulary.Property;
import org.akorn.dsl.internal.grammar.AkornLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Completion by context. Works on text that is being typed and does not parse: the front end's
 * lexer splits it into tokens, and the brackets and statement before the cursor say where it
 * is: at the top level, at the start of a statement, after {@code stem =}, inside
 * {@code attention(...)} or a {@code layer { }} block, after {@code positional =}, and so on.
 */
public final class Completions {
  /** One proposal: the text to insert, what it is, and a short description. */
  public record Item(String label, Kind kind, String detail) {
    public enum Kind { KEYWORD, STAGE, OPTION, PROPERTY, VALUE, NAME, TYPE, BLOCK }
  }

  private static final Set<String> STATEMENT_ENDS = Set.of(";", "{", "}");

  private final List<Token> all;
  private final List<Token> before = new ArrayList<>();
  /** For each token before the cursor, the index of its innermost open bracket, or -1. */
  private final List<Integer> enclosing = new ArrayList<>();
  private final Collection<String> blocks;
  private final int cursor;

  private Completions(String text, int cursor, Collection<String> blocks) {
    AkornLexer lexer = new AkornLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    this.all = new ArrayList<>(lexer.getAllTokens());
    this.cursor = cursor;
    this.blocks = blocks;
  }

  /**
   * @param line 1-based line of the cursor
   * @param column 1-based column of the cursor (the character after it)
   * @param blocks block names visible from the file (its own and imported ones)
   */
  public static List<Item> at(String text, int line, int column, Collection<String> blocks) {
    Completions c = new Completions(text, offset(text, line, column), blocks);
    return c.complete();
  }

  private static int offset(String text, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line && offset >= 0; l++) {
      offset = text.indexOf('\n', offset);
      offset = offset < 0 ? text.length() : offset + 1;
    }
    return Math.min(text.length(), offset + column - 1);
  }

  private List<Item> complete() {
    for (Token t : all) {
      boolean inside = t.getStartIndex() < cursor && cursor <= t.getStopIndex();
      if (t.getStartIndex() >= cursor) {
        break;
      }
      if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == AkornLexer.STRING
          || t.getType() == AkornLexer.UNTERMINATED_STRING) {
        if (inside || t.getType() == AkornLexer.LINE_COMMENT && t.getStopIndex() + 1 >= cursor
            || t.getType() == AkornLexer.UNTERMINATED_STRING || t.getType() == AkornLexer.UNTERMINATED_COMMENT) {
          return List.of(); // in a comment or a string
        }
        if (t.getChannel() != Token.DEFAULT_CHANNEL) {
          continue;
        }
      }
      before.add(t);
    }
    // A word being typed is the prefix the editor filters by, not part of the context.
    if (!before.isEmpty()) {
      Token last = before.get(before.size() - 1);
      if ((last.getType() == AkornLexer.ID || isKeyword(last)) && last.getStopIndex() + 1 >= cursor) {
        before.remove(before.size() - 1);
      }
    }
    computeEnclosing();
    int open = before.isEmpty() ? -1 : enclosingAfter(before.size() - 1);
    if (open < 0) {
      boolean statementStart = before.isEmpty() || STATEMENT_ENDS.contains(text(before.size() - 1));
      return statementStart ? words(Vocabulary.TOP_LEVEL_KEYWORDS, Item.Kind.KEYWORD, "") : List.of();
    }
    return switch (text(open)) {
      case "(" -> insideCall(open);
      case "{" -> insideBraces(open);
      default -> names();
    };
  }

  private static boolean isKeyword(Token t) {
    return Character.isLetter(t.getText().charAt(0));
  }

  private void computeEnclosing() {
    List<Integer> stack = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      enclosing.add(stack.isEmpty() ? -1 : stack.get(stack.size() - 1));
      String t = text(i);
      if (t.equals("(") || t.equals("{") || t.equals("[")) {
        stack.add(i);
      } else if ((t.equals(")") || t.equals("}") || t.equals("]")) && !stack.isEmpty()) {
        stack.remove(stack.size() - 1);
      }
    }
  }

  /** The innermost bracket still open after token {@code i}. */
  private int enclosingAfter(int i) {
    String t = text(i);
    if (t.equals("(") || t.equals("{") || t.equals("[")) {
      return i;
    }
    if (t.equals(")") || t.equals("}") || t.equals("]")) {
      int opener = enclosing.get(i);
      return opener < 0 ? -1 : enclosing.get(opener);
    }
    return enclosing.get(i);
  }

  private List<Item> insideCall(int open) {
    List<Property> properties = open > 0 ? optionAt(open - 1).map(Option::properties).orElse(List.of()) : List.of();
    List<Integer> arg = currentPart(open, ",");
    List<Item> out = new ArrayList<>();
    if (arg.isEmpty()) {
      properties.forEach(p -> out.add(new Item(p.name(), Item.Kind.PROPERTY, p.doc())));
    } else if (arg.size() == 2 && text(arg.get(1)).equals("=")) {
      properties.stream().filter(p -> p.name().equals(text(arg.get(0))))
          .forEach(p -> p.values().forEach(v -> out.add(new Item(v.word(), Item.Kind.VALUE, v.doc()))));
    }
    out.addAll(names());
    return out;
  }

  private List<Item> insideBraces(int open) {
    String blockStage = blockStageKind(open);
    List<Integer> stmt = currentPart(open, ";");
    if (blockStage != null) {
      List<Property> properties = Vocabulary.blockStageProperties(blockStage);
      if (stmt.isEmpty()) {
        return properties.stream().map(p -> new Item(p.name(), Item.Kind.PROPERTY, p.doc())).toList();
      }
      List<Item> out = new ArrayList<>();
      if (stmt.size() == 2 && text(stmt.get(1)).equals("=")) {
        properties.stream().filter(p -> p.name().equals(text(stmt.get(0))))
            .forEach(p -> p.values().forEach(v -> out.add(new Item(v.word(), Item.Kind.VALUE, v.doc()))));
      }
      out.addAll(names());
      return out;
    }
    if (stmt.isEmpty()) {
      List<Item> out = new ArrayList<>(words(Vocabulary.STATEMENT_KEYWORDS, Item.Kind.KEYWORD, ""));
      out.addAll(words(Vocabulary.STAGE_KINDS, Item.Kind.STAGE, "stage"));
      return out;
    }
    String first = text(stmt.get(0));
    String last = text(stmt.get(stmt.size() - 1));
    switch (first) {
      case "param" -> {
        return last.equals(":") ? words(Vocabulary.PARAM_TYPES, Item.Kind.TYPE, "parameter type") : names();
      }
      case "input" -> {
        return last.equals(":") ? words(Vocabulary.INPUT_KINDS, Item.Kind.TYPE, "input kind") : names();
      }
      case "use" -> {
        return stmt.size() == 1 ? words(List.copyOf(blocks), Item.Kind.BLOCK, "block") : List.of();
      }
      case "output" -> {
        if (last.equals("=")) {
          List<Item> out = new ArrayList<>(words(Vocabulary.OUTPUT_SOURCES, Item.Kind.VALUE, "output source"));
          declaredNames().forEach((n, d) -> {
            if (d.equals("head")) {
              out.add(new Item(n, Item.Kind.NAME, d));
            }
          });
          return out;
        }
        return names();
      }
      default -> {
        List<Item> out = new ArrayList<>();
        optionsAt(before.size()).forEach(o -> out.add(new Item(o.word(), Item.Kind.OPTION, o.doc())));
        out.addAll(names());
        return out;
      }
    }
  }

  /** The kind of a block stage ({@code layer}) whose brace is at {@code open}, or null for other bodies. */
  private String blockStageKind(int open) {
    int start = statementStart(open);
    int words = open - start;
    if (words < 1 || words > 2) {
      return null;
    }
    for (int i = start; i < open; i++) {
      if (before.get(i).getType() != AkornLexer.ID) {
        return null;
      }
    }
    return text(start);
  }

  /** The first token of the statement containing token {@code i}. */
  private int statementStart(int i) {
    int j = i - 1;
    while (j >= 0 && !STATEMENT_ENDS.contains(text(j))) {
      j--;
    }
    return j + 1;
  }

  /** Token indexes after the last separator (or the bracket) at the bracket's level, up to the cursor. */
  private List<Integer> currentPart(int open, String separator) {
    List<Integer> part = new ArrayList<>();
    for (int i = before.size() - 1; i > open; i--) {
      if (enclosing.get(i) == open && (text(i).equals(separator) || text(i).equals("}") && separator.equals(";"))) {
        break;
      }
      if (enclosing.get(i) == open) {
        part.add(0, i);
      }
    }
    return part;
  }

  /** The option written as a call name at token {@code i}, looked up in the place it is written. */
  private java.util.Optional<Option> optionAt(int i) {
    String word = text(i);
    return optionsAt(i).stream().filter(o -> o.word().equals(word)).findFirst();
  }

  /** The options a value starting at token {@code i} may be: after {@code stem =}, a chain's {@code ->}, {@code positional =}, ... */
  private List<Option> optionsAt(int i) {
    if (i < 1) {
      return List.of();
    }
    String previous = text(i - 1);
    if (previous.equals("->")) {
      return Vocabulary.stageValues(text(statementStart(i - 1))); // the chain's stage kind
    }
    if (!previous.equals("=") || i < 2) {
      return List.of();
    }
    String name = text(i - 2);
    int open = enclosing.get(i - 1);
    if (open < 0) {
      return List.of();
    }
    if (text(open).equals("(")) {
      return open > 0 ? optionAt(open - 1).flatMap(o -> o.property(name)).map(Property::values).orElse(List.of()) : List.of();
    }
    String blockStage = text(open).equals("{") ? blockStageKind(open) : null;
    if (blockStage != null) {
      return Vocabulary.blockStageProperties(blockStage).stream().filter(p -> p.name().equals(name))
          .findFirst().map(Property::values).orElse(List.of());
    }
    int start = statementStart(i - 1);
    return Vocabulary.stageValues(text(start));
  }

  /** Names visible at the cursor: the definition's parameters, inputs and heads, lets and loop variables before it. */
  private List<Item> names() {
    List<Item> out = new ArrayList<>();
    declaredNames().forEach((n, d) -> out.add(new Item(n, Item.Kind.NAME, d)));
    return out;
  }

  private Map<String, String> declaredNames() {
    int from = 0;
    int to = all.size();
    for (int i = 0; i < all.size(); i++) {
      String t = all.get(i).getText();
      if (t.equals("model") || t.equals("block")) {
        if (all.get(i).getStartIndex() < cursor) {
          from = i;
        } else {
          to = i;
          break;
        }
      }
    }
    Map<String, String> names = new LinkedHashMap<>();
    Token previous = null;
    for (int i = from; i < to; i++) {
      Token t = all.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (previous != null && t.getType() == AkornLexer.ID) {
        String p = previous.getText();
        boolean everywhere = p.equals("param") || p.equals("input") || p.equals("head");
        boolean local = (p.equals("let") || p.equals("as")) && t.getStartIndex() < cursor;
        if (everywhere || local) {
          names.putIfAbsent(t.getText(), p.equals("as") ? "loop variable" : p);
        }
      }
      previous = t;
    }
    return names;
  }

  private static List<Item> words(List<String> words, Item.Kind kind, String detail) {
    return words.stream().map(w -> new Item(w, kind, detail)).toList();
  }

  private String text(int i) {
    return before.get(i).getText();
  }
}
