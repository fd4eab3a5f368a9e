package org.akorn.codegen.java;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.ModelSpec;

/**
 * Hyper-parameters that appear in no expression of the linked model (stages and inputs): they
 * only shaped the structure while linking (a {@code repeat} count, a condition), so they are
 * fixed at generation time.
 */
final class StructuralParameters {
  private StructuralParameters() {}

  static Set<String> of(ModelSpec model) {
    Set<String> used = new LinkedHashSet<>();
    model.stages().forEach(s -> collect(s, used, 0));
    model.inputs().forEach(i -> collect(i, used, 0));
    Set<String> structural = new LinkedHashSet<>();
    model.parameters().forEach(p -> {
      if (!used.contains(p.name())) {
        structural.add(p.name());
      }
    });
    return structural;
  }

  private static void collect(Object o, Set<String> used, int depth) {
    if (o == null || depth > 12) {
      return;
    }
    if (o instanceof Expr e) {
      exprRefs(e, used);
    } else if (o instanceof Collection<?> c) {
      c.forEach(item -> collect(item, used, depth + 1));
    } else if (o instanceof Record r) {
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        try {
          collect(rc.getAccessor().invoke(r), used, depth + 1);
        } catch (ReflectiveOperationException ex) {
          throw new IllegalStateException(ex);
        }
      }
    }
  }

  private static void exprRefs(Expr e, Set<String> used) {
    if (e instanceof Expr.ParamRef p) {
      used.add(p.name());
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(i -> exprRefs(i, used));
    } else if (e instanceof Expr.Index ix) {
      exprRefs(ix.list(), used);
      exprRefs(ix.index(), used);
    } else if (e instanceof Expr.Negate n) {
      exprRefs(n.operand(), used);
    } else if (e instanceof Expr.Binary b) {
      exprRefs(b.left(), used);
      exprRefs(b.right(), used);
    }
  }
}
