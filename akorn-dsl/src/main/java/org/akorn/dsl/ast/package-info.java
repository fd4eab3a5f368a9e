/** The immutable syntax tree of an {@code .akorn} file; every node carries a 1-based span. */
package org.akorn.dsl.ast;
