package org.akorn.dsl.model;

import org.akorn.dsl.diag.SourceSpan;

/**
 * A declared {@code param}: its name, type, the default as written (may refer to earlier
 * parameters), the effective value used for this link (a literal: the default's value or an
 * override), whether an override supplied it, and its doc comment.
 */
public record HyperParameter(
    String name,
    ParamType type,
    Expr defaultExpr,
    Expr value,
    boolean overridden,
    String doc,
    SourceSpan span) {}
