/** Source positions, diagnostics with stable codes, and their rendering with a caret. */
package org.akorn.dsl.diag;
