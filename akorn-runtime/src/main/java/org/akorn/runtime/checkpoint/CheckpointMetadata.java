package org.akorn.runtime.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a checkpoint says about the model besides its weights.
 *
 * @param architecture the model's architecture name (e.g. {@code sudoku-akorn}); not blank
 * @param hyperParameters the hyper-parameters that fix the parameter shapes and the computation
 *     (e.g. {@code ch=512}), as strings, sorted by key
 * @param step the training step the weights were taken at, not negative
 * @param source the model's {@code .akorn} source and overrides, or null (then the model's class
 *     must be at hand to load the checkpoint)
 */
public record CheckpointMetadata(
    String architecture, SortedMap<String, String> hyperParameters, long step,
    ModelSource source) {

  /** Validates and copies the map (immutable, sorted). */
  public CheckpointMetadata {
    Objects.requireNonNull(architecture, "architecture");
    if (architecture.isBlank()) {
      throw new IllegalArgumentException("architecture must not be blank");
    }
    if (step < 0) {
      throw new IllegalArgumentException("step must not be negative, got " + step);
    }
    TreeMap<String, String> copy = new TreeMap<>();
    hyperParameters.forEach(
        (k, v) -> {
          if (k == null || k.isEmpty() || v == null) {
            throw new IllegalArgumentException("hyper-parameters need non-empty keys and values");
          }
          copy.put(k, v);
        });
    hyperParameters = Collections.unmodifiableSortedMap(copy);
  }

  /** Metadata without source. */
  public CheckpointMetadata(String architecture, SortedMap<String, String> hyperParameters,
      long step) {
    this(architecture, hyperParameters, step, null);
  }

  /** Metadata from any map of hyper-parameters. */
  public static CheckpointMetadata of(
      String architecture, Map<String, String> hyperParameters, long step) {
    return new CheckpointMetadata(architecture, new TreeMap<>(hyperParameters), step);
  }

  /** The same metadata at another step. */
  public CheckpointMetadata withStep(long newStep) {
    return new CheckpointMetadata(architecture, hyperParameters, newStep, source);
  }

  /** The same metadata with the model's source. */
  public CheckpointMetadata withSource(ModelSource newSource) {
    return new CheckpointMetadata(architecture, hyperParameters, step, newSource);
  }
}
