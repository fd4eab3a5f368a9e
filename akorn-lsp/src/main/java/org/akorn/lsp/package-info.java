/**
 * The AKOrN language server: LSP over stdio (LSP4J), a thin shell over the akorn-dsl front end.
 * Diagnostics come from {@link org.akorn.dsl.AkornCompiler#check}, navigation, hover and
 * completion from {@link org.akorn.dsl.assist}, formatting from
 * {@link org.akorn.dsl.format.AkornFormatter}. Start it with {@link org.akorn.lsp.AkornLsp#serve}.
 */
package org.akorn.lsp;
