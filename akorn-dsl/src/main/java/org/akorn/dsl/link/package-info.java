/**
 * Turns a model's AST into a {@link org.akorn.dsl.model.ModelSpec}: evaluates expressions
 * (with 32-bit overflow checks), unrolls {@code repeat}, evaluates {@code if}, inlines
 * {@code use}d blocks, reads each stage's properties and infers shapes, parameter counts and
 * MACs. One linker class per kind of statement.
 */
package org.akorn.dsl.link;
