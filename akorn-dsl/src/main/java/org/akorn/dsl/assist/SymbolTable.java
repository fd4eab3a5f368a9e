package org.akorn.dsl.assist;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.akorn.dsl.ast.DefinitionNode;
import org.akorn.dsl.ast.ExprNode;
import org.akorn.dsl.ast.ImportNode;
import org.akorn.dsl.ast.PropertyNode;
import org.akorn.dsl.ast.SourceFileNode;
import org.akorn.dsl.ast.StatementNode;
import org.akorn.dsl.diag.SourceSpan;

/**
 * The declarations of one parsed file (as an outline) and every reference in it, resolved by the
 * language's scopes: parameters, inputs and heads belong to their model; a {@code let} name is
 * visible from its statement to the end of the enclosing body; a loop variable inside its
 * {@code repeat}; {@code use} names a block of this file or of a file it imports (transitively);
 * an {@code import} names a file. A name inside a block that the block does not declare is
 * bound where the block is used, so it has no single declaration and stays unresolved.
 */
public final class SymbolTable {
  private final List<Symbol> outline = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();
  private final List<Symbol> declarations = new ArrayList<>();
  private final Map<String, Symbol> blocks = new LinkedHashMap<>();
  private final Deque<Map<String, Symbol>> scopes = new ArrayDeque<>();

  private SymbolTable() {}

  /**
   * @param file the file to index
   * @param program every parsed file by path (the file's imports among them), for blocks and imports
   */
  public static SymbolTable of(SourceFileNode file, Map<String, SourceFileNode> program) {
    SymbolTable t = new SymbolTable();
    t.index(file, program);
    return t;
  }

  /** Top-level declarations with their nested declarations: the document outline. */
  public List<Symbol> outline() {
    return List.copyOf(outline);
  }

  /** Every declaration in the file, nested ones included, in source order. */
  public List<Symbol> declarations() {
    return List.copyOf(declarations);
  }

  /** Every resolved use of a name in the file. */
  public List<Reference> references() {
    return List.copyOf(references);
  }

  /** The blocks this file can use: its own and those of the files it imports. */
  public Map<String, Symbol> visibleBlocks() {
    return Map.copyOf(blocks);
  }

  /**
   * The declaration a reference at the position points to, or the declaration whose name is there
   * ({@code output logits;} both declares an output and names the head {@code logits}: the head wins).
   */
  public Optional<Symbol> symbolAt(int line, int column) {
    Optional<Symbol> referenced =
        references.stream().filter(r -> Spans.contains(r.span(), line, column)).map(Reference::target).findFirst();
    if (referenced.isPresent()) {
      return referenced;
    }
    return declarations.stream().filter(s -> Spans.contains(s.nameSpan(), line, column)).findFirst();
  }

  /** The uses of {@code target} in this file. */
  public List<Reference> referencesTo(Symbol target) {
    return references.stream().filter(r -> r.target().sameDeclaration(target)).toList();
  }

  private void index(SourceFileNode file, Map<String, SourceFileNode> program) {
    Path path = Path.of(file.path());
    collectBlocks(file, program, new ArrayList<>());
    for (ImportNode imp : file.imports()) {
      imp.resolveFrom(path).ifPresent(target -> {
        SourceSpan start = SourceSpan.point(target.toString(), 1, 1);
        Symbol f = new Symbol(Symbol.Kind.FILE, target.toString(), start, start, "imported file", "", List.of());
        references.add(new Reference(imp.span(), f));
      });
    }
    for (DefinitionNode b : file.blocks()) {
      scopes.push(new HashMap<>());
      List<Symbol> children = body(b.body());
      scopes.pop();
      Symbol block = new Symbol(Symbol.Kind.BLOCK, b.name(), b.span(), b.nameSpan(), "block", b.doc(), children);
      outline.add(block);
      declarations.add(block);
    }
    for (DefinitionNode m : file.models()) {
      Symbol model = new Symbol(Symbol.Kind.MODEL, m.name(), m.span(), m.nameSpan(), "model", m.doc(), List.of());
      declarations.add(model);
      scopes.push(modelScope(m));
      List<Symbol> children = body(m.body());
      scopes.pop();
      outline.add(new Symbol(Symbol.Kind.MODEL, m.name(), m.span(), m.nameSpan(), "model", m.doc(), children));
    }
    declarations.sort((a, b) -> a.nameSpan().line() != b.nameSpan().line()
        ? Integer.compare(a.nameSpan().line(), b.nameSpan().line())
        : Integer.compare(a.nameSpan().column(), b.nameSpan().column()));
    outline.sort((a, b) -> Integer.compare(a.span().line(), b.span().line()));
  }

  private void collectBlocks(SourceFileNode file, Map<String, SourceFileNode> program, List<String> visited) {
    if (visited.contains(file.path())) {
      return;
    }
    visited.add(file.path());
    for (DefinitionNode b : file.blocks()) {
      blocks.putIfAbsent(b.name(), new Symbol(Symbol.Kind.BLOCK, b.name(), b.span(), b.nameSpan(), "block", b.doc(), List.of()));
    }
    for (ImportNode imp : file.imports()) {
      imp.resolveFrom(Path.of(file.path()))
          .map(p -> program.get(p.toString()))
          .ifPresent(f -> collectBlocks(f, program, visited));
    }
  }

  /** Parameters, inputs and heads: visible everywhere in their model. */
  private Map<String, Symbol> modelScope(DefinitionNode m) {
    Map<String, Symbol> scope = new HashMap<>();
    for (StatementNode s : m.body()) {
      Symbol sym = null;
      if (s instanceof StatementNode.Param p) {
        sym = new Symbol(Symbol.Kind.PARAM, p.name(), p.span(), p.nameSpan(), "param " + p.name() + ": " + p.type(),
            p.doc(), List.of());
      } else if (s instanceof StatementNode.Input in) {
        sym = new Symbol(Symbol.Kind.INPUT, in.name(), in.span(), in.nameSpan(), "input " + in.name() + ": " + in.kind(),
            in.doc(), List.of());
      }
      if (sym != null) {
        scope.putIfAbsent(sym.name(), sym);
      }
    }
    collectHeads(m.body(), scope);
    return scope;
  }

  private static void collectHeads(List<StatementNode> body, Map<String, Symbol> scope) {
    for (StatementNode s : body) {
      if (s instanceof StatementNode.Stage st && st.kind().equals("head") && st.name() != null) {
        scope.putIfAbsent(st.name(),
            new Symbol(Symbol.Kind.HEAD, st.name(), st.span(), st.nameSpan(), "head " + st.name(), st.doc(), List.of()));
      } else if (s instanceof StatementNode.Repeat r) {
        collectHeads(r.body(), scope);
      } else if (s instanceof StatementNode.If i) {
        collectHeads(i.body(), scope);
      }
    }
  }

  private List<Symbol> body(List<StatementNode> statements) {
    scopes.push(new HashMap<>());
    List<Symbol> out = new ArrayList<>();
    for (StatementNode s : statements) {
      Symbol sym = statement(s);
      if (sym != null) {
        out.add(sym);
      }
    }
    scopes.pop();
    return out;
  }

  private Symbol statement(StatementNode s) {
    if (s instanceof StatementNode.Param p) {
      expr(p.defaultValue());
      return declared(p.name(), p.nameSpan(), Symbol.Kind.PARAM, "param " + p.name() + ": " + p.type(), p.span(), p.doc());
    }
    if (s instanceof StatementNode.Input in) {
      in.shape().forEach(this::expr);
      expr(in.min());
      expr(in.max());
      return declared(in.name(), in.nameSpan(), Symbol.Kind.INPUT, "input " + in.name() + ": " + in.kind(), in.span(), in.doc());
    }
    if (s instanceof StatementNode.Output o) {
      if (o.source() == null) {
        lookup(o.name()).filter(h -> h.kind() == Symbol.Kind.HEAD).ifPresent(h -> references.add(new Reference(o.nameSpan(), h)));
      } else {
        expr(o.source());
      }
      return add(new Symbol(Symbol.Kind.OUTPUT, o.name(), o.span(), o.nameSpan(), "output " + o.name(), o.doc(), List.of()));
    }
    if (s instanceof StatementNode.Repeat r) {
      expr(r.count());
      Symbol variable = add(new Symbol(Symbol.Kind.LOOP_VARIABLE, r.variable(), r.span(), r.variableSpan(),
          "loop variable " + r.variable(), "", List.of()));
      scopes.push(new HashMap<>(Map.of(r.variable(), variable)));
      List<Symbol> children = body(r.body());
      scopes.pop();
      return new Symbol(Symbol.Kind.REPEAT, "repeat as " + r.variable(), r.span(), r.variableSpan(), "repeat", "", children);
    }
    if (s instanceof StatementNode.If i) {
      expr(i.condition());
      List<Symbol> children = body(i.body());
      return new Symbol(Symbol.Kind.IF, "if", i.span(), i.span(), "if", "", children);
    }
    if (s instanceof StatementNode.Let l) {
      expr(l.value());
      Symbol let = add(new Symbol(Symbol.Kind.LET, l.name(), l.span(), l.nameSpan(), "let " + l.name(), "", List.of()));
      scopes.peek().put(l.name(), let);
      return let;
    }
    if (s instanceof StatementNode.Use u) {
      Symbol block = blocks.get(u.block());
      if (block != null) {
        references.add(new Reference(u.blockSpan(), block));
      }
      return new Symbol(Symbol.Kind.USE, "use " + u.block(), u.span(), u.blockSpan(), "use", "", List.of());
    }
    StatementNode.Stage st = (StatementNode.Stage) s;
    st.chain().forEach(this::expr);
    st.properties().stream().map(PropertyNode::value).forEach(this::expr);
    if (st.kind().equals("head") && st.name() != null) {
      return declared(st.name(), st.nameSpan(), Symbol.Kind.HEAD, "head " + st.name(), st.span(), st.doc());
    }
    String name = st.name() == null ? st.kind() : st.kind() + " " + st.name();
    return add(new Symbol(Symbol.Kind.STAGE, name, st.span(), st.name() == null ? st.kindSpan() : st.nameSpan(),
        st.kind(), st.doc(), List.of()));
  }

  /** A model-level declaration already in scope (same symbol), or a new one. */
  private Symbol declared(String name, SourceSpan nameSpan, Symbol.Kind kind, String detail, SourceSpan span, String doc) {
    Symbol known = scopes.getLast().get(name);
    if (known != null && known.nameSpan().equals(nameSpan)) {
      return add(known);
    }
    return add(new Symbol(kind, name, span, nameSpan, detail, doc, List.of()));
  }

  private Symbol add(Symbol s) {
    declarations.add(s);
    return s;
  }

  private Optional<Symbol> lookup(String name) {
    for (Map<String, Symbol> scope : scopes) {
      Symbol s = scope.get(name);
      if (s != null) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private void expr(ExprNode e) {
    if (e == null) {
      return;
    }
    if (e instanceof ExprNode.Ref r) {
      lookup(r.name()).ifPresent(s -> references.add(new Reference(r.span(), s)));
    } else if (e instanceof ExprNode.Negate n) {
      expr(n.operand());
    } else if (e instanceof ExprNode.Binary b) {
      expr(b.left());
      expr(b.right());
    } else if (e instanceof ExprNode.Index i) {
      expr(i.target());
      expr(i.index());
    } else if (e instanceof ExprNode.Call c) {
      c.args().forEach(a -> expr(a.value()));
    } else if (e instanceof ExprNode.ListLiteral l) {
      l.items().forEach(this::expr);
    }
  }
}
