/**
 * What editors ask of the front end: the language's words ({@link org.akorn.dsl.assist.Vocabulary}),
 * declarations and references by position ({@link org.akorn.dsl.assist.SymbolTable}) and
 * completion by context ({@link org.akorn.dsl.assist.Completions}). The language server is a thin
 * shell over these.
 */
package org.akorn.dsl.assist;
