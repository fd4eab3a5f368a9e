/**
 * ANTLR glue: runs the generated lexer and parser (default console listeners removed, every
 * syntax error collected as a diagnostic) and converts the parse tree to the immutable AST.
 */
package org.akorn.dsl.parse;
