package org.akorn.codegen.output;

import java.util.List;

/** What an {@link OutputWriter} did: files written, left untouched (same content) and deleted. */
public record WriteReport(List<String> written, List<String> unchanged, List<String> deleted) {
  public WriteReport {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    deleted = List.copyOf(deleted);
  }

  public boolean changedAnything() {
    return !written.isEmpty() || !deleted.isEmpty();
  }
}
