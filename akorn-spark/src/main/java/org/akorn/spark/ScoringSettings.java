package org.akorn.spark;

import java.io.Serializable;

/**
 * What a {@link CheckpointScorer} was built with; shipped to every task.
 *
 * @param checkpoint a path or URI every executor can read ({@code file:}, {@code hdfs:}, {@code
 *     s3a:}, ...; a bare path is a local file)
 * @param modelClass the generated class's qualified name, or null for the one the checkpoint's
 *     source names
 * @param inputColumn the {@code array<float>} column holding the model's one input, flattened
 * @param idColumn a column that names rows in messages, or null (then partition and position)
 * @param seedColumn a long column with each row's noise seed, or null (then {@code seed})
 * @param seed the noise seed of every row without a seed column
 * @param steps Kuramoto steps of every layer at scoring time, or 0 for the trained ones
 * @param batchSize rows per forward pass
 * @param skipBadRows skip and count bad rows instead of failing
 * @param threadsPerTask PyTorch intra-op threads of each executor JVM
 * @param models how executors build the model, or null to load {@code modelClass} with the
 *     checkpoint's weights
 */
record ScoringSettings(
    String checkpoint,
    String modelClass,
    String inputColumn,
    String idColumn,
    String seedColumn,
    long seed,
    int steps,
    int batchSize,
    boolean skipBadRows,
    int threadsPerTask,
    ModelFactory models)
    implements Serializable {

  /** The key under which an executor caches the loaded model. */
  String modelKey() {
    if (models != null) {
      return "factory|" + models.key();
    }
    return checkpoint + "|" + (modelClass == null ? "" : modelClass);
  }
}
