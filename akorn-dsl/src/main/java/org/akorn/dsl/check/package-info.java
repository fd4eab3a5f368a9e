/**
 * Semantic rules over a linked model, one small class per rule, each reporting a stable
 * {@link org.akorn.dsl.diag.DiagnosticCode}. Name, type, property and shape-flow errors are found
 * earlier, while linking ({@code org.akorn.dsl.link}).
 */
package org.akorn.dsl.check;
