package org.akorn.dsl.assist;

import org.akorn.dsl.diag.SourceSpan;

/** A use of a declared name at {@code span} (a parameter in an expression, a block in use, a file in import). */
public record Reference(SourceSpan span, Symbol target) {}
