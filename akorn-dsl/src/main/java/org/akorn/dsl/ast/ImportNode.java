package org.akorn.dsl.ast;

import org.akorn.dsl.diag.SourceSpan;

/** {@code import "common/readouts.akorn";} — a path relative to the importing file. */
public record ImportNode(SourceSpan span, String path) {}
