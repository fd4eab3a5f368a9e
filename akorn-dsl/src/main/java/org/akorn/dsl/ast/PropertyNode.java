package org.akorn.dsl.ast;

import org.akorn.dsl.diag.SourceSpan;

/** {@code key = value;} inside a stage block. */
public record PropertyNode(SourceSpan span, String name, ExprNode value) {}
