package org.akorn.dsl.format;

import java.util.List;
import org.akorn.dsl.diag.Diagnostic;

/**
 * The formatted text, or, when the file does not parse, its syntax errors (a file with syntax
 * errors is never reformatted: its meaning is not known).
 */
public record FormatResult(String text, List<Diagnostic> errors) {
  public FormatResult {
    errors = List.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
