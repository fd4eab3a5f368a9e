package org.akorn.runtime.djl;

import ai.djl.repository.zoo.ModelNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.Checkpoints;

/**
 * Builds the generated model a checkpoint belongs to, as the Criteria loading does, for code that
 * drives the model itself (a distributed executor): the class named by {@code modelClass}, or the
 * checkpoint's architecture in the package its {@code .akorn} source declares.
 */
public final class CheckpointModels {
  private CheckpointModels() {}

  /**
   * Loads {@code checkpoint} into its generated class.
   *
   * @param modelClass the class's qualified name, or null for the one the checkpoint's source names
   * @throws ModelNotFoundException when the class is unknown or not on the class path
   */
  public static AkornModel load(Path checkpoint, String modelClass)
      throws IOException, ModelNotFoundException {
    CheckpointMetadata meta = Checkpoints.readMetadata(checkpoint);
    String className = GeneratedClasses.className(checkpoint, meta, modelClass);
    return GeneratedClasses.fromCheckpoint(className, checkpoint);
  }
}
