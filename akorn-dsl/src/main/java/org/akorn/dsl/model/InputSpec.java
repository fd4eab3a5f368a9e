package org.akorn.dsl.model;

import java.util.List;
import org.akorn.dsl.diag.SourceSpan;

/**
 * A model input, shape without the batch axis. For {@link InputKind#INT_GRID} {@code min} and
 * {@code max} are the inclusive value range; null otherwise.
 */
public record InputSpec(
    String name,
    InputKind kind,
    List<IntValue> dims,
    IntValue min,
    IntValue max,
    String doc,
    SourceSpan span) {
  public InputSpec {
    dims = List.copyOf(dims);
  }

  public Shape shape() {
    return new Shape(dims.stream().map(IntValue::value).toList());
  }
}
