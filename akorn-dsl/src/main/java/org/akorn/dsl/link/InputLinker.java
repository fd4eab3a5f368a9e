package org.akorn.dsl.link;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.ast.ExprNode;
import org.akorn.dsl.ast.StatementNode;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.model.InputKind;
import org.akorn.dsl.model.InputSpec;
import org.akorn.dsl.model.IntValue;

/** {@code input name: kind[dims] (in min..max)?;}. */
final class InputLinker {
  private final LinkContext ctx;

  InputLinker(LinkContext ctx) {
    this.ctx = ctx;
  }

  InputSpec link(StatementNode.Input in) {
    InputKind kind = InputKinds.BY_WORD.get(in.kind());
    if (kind == null) {
      ctx.error(DiagnosticCode.UNKNOWN_NAME, in.kindSpan(),
          "unknown input kind '" + in.kind() + "'; expected one of: float, int, bool, stimulus, state");
      return null;
    }
    List<IntValue> dims = new ArrayList<>();
    for (ExprNode d : in.shape()) {
      IntValue v = integer(d, "a dimension");
      if (v == null) {
        return null;
      }
      if (v.value() < 1) {
        ctx.error(DiagnosticCode.VALUE_NOT_POSITIVE, v.span(), "a dimension must be at least 1, but is " + v.value());
        return null;
      }
      dims.add(v);
    }
    int rank = dims.size();
    boolean rankOk =
        switch (kind) {
          case FLOAT_IMAGE -> rank == 3;
          case INT_GRID, BOOL_MASK -> rank == 2;
          case RAW_STIMULUS, RAW_STATE -> rank == 2 || rank == 3;
        };
    if (!rankOk) {
      String expected =
          switch (kind) {
            case FLOAT_IMAGE -> "[C, H, W]";
            case INT_GRID, BOOL_MASK -> "[H, W]";
            default -> "[C, H, W] or [C, N]";
          };
      ctx.error(DiagnosticCode.SHAPE_MISMATCH, in.span(),
          "input '" + in.name() + "' is " + InputKinds.describe(kind) + " and needs a shape " + expected
              + ", but has " + rank + " dimension" + (rank == 1 ? "" : "s"));
      return null;
    }
    IntValue min = null;
    IntValue max = null;
    if (kind == InputKind.INT_GRID) {
      if (in.min() == null) {
        ctx.error(DiagnosticCode.INVALID_INPUT, in.span(),
            "int input '" + in.name() + "' needs a value range: int[H, W] in MIN..MAX");
        return null;
      }
      min = integer(in.min(), "a range bound");
      max = integer(in.max(), "a range bound");
      if (min == null || max == null) {
        return null;
      }
      if (min.value() < 0 || max.value() < min.value()) {
        ctx.error(DiagnosticCode.INVALID_INPUT, in.min().span(),
            "value range " + min.value() + ".." + max.value() + " must be non-negative and not empty");
        return null;
      }
    } else if (in.min() != null) {
      ctx.error(DiagnosticCode.INVALID_INPUT, in.min().span(), "only int inputs have a value range");
      return null;
    }
    return new InputSpec(in.name(), kind, dims, min, max, in.doc(), in.span());
  }

  private IntValue integer(ExprNode node, String what) {
    Value v = ctx.evaluator.eval(node);
    if (v == null) {
      return null;
    }
    if (v instanceof Value.IntV i) {
      return new IntValue(i.value(), i.expr(), i.span());
    }
    if (v instanceof Value.Word w) {
      ctx.evaluator.unknownName(w);
    } else {
      ctx.error(DiagnosticCode.WRONG_TYPE, v.span(), what + " must be an integer, but this is " + v.describe());
    }
    return null;
  }
}
