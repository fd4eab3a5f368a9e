/**
 * The shared fuzz harness: a {@link org.akorn.fuzz.FuzzTarget} is a reader function, a corpus
 * folder and mutators; it checks that every mutated input is either read or rejected with a clear
 * message that names the file, within bounded time and bounded memory. {@link
 * org.akorn.fuzz.FuzzBudget} says how many mutants (or seconds) and which seed. The same {@code
 * check} also serves Jazzer's coverage-guided {@code @FuzzTest}s (docs/reliability.md).
 */
package org.akorn.fuzz;
