package org.akorn.runtime.weights;

import java.util.List;

/** Reference weights did not fit the model; lists every problem at once. */
public final class WeightImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> missing;
  private final List<String> unexpected;
  private final List<String> wrongShape;
  private final List<String> inconsistent;

  WeightImportException(
      List<String> missing,
      List<String> unexpected,
      List<String> wrongShape,
      List<String> inconsistent) {
    super(message(missing, unexpected, wrongShape, inconsistent));
    this.missing = List.copyOf(missing);
    this.unexpected = List.copyOf(unexpected);
    this.wrongShape = List.copyOf(wrongShape);
    this.inconsistent = List.copyOf(inconsistent);
  }

  private static String message(
      List<String> missing,
      List<String> unexpected,
      List<String> wrongShape,
      List<String> inconsistent) {
    StringBuilder sb =
        new StringBuilder("reference weights do not fit the model: ")
            .append(missing.size())
            .append(" missing, ")
            .append(unexpected.size())
            .append(" unexpected, ")
            .append(wrongShape.size())
            .append(" wrongly shaped");
    if (!inconsistent.isEmpty()) {
      sb.append(", ").append(inconsistent.size()).append(" inconsistent tied");
    }
    missing.forEach(m -> sb.append("\n  missing: ").append(m));
    unexpected.forEach(m -> sb.append("\n  unexpected: ").append(m));
    wrongShape.forEach(m -> sb.append("\n  wrong shape: ").append(m));
    inconsistent.forEach(m -> sb.append("\n  inconsistent tied: ").append(m));
    return sb.toString();
  }

  public List<String> missing() {
    return missing;
  }

  public List<String> unexpected() {
    return unexpected;
  }

  public List<String> wrongShape() {
    return wrongShape;
  }

  public List<String> inconsistent() {
    return inconsistent;
  }
}
