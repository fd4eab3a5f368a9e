package org.akorn.runtime.djl;

import ai.djl.repository.zoo.ModelZoo;
import java.util.Set;

/** The AKOrN model zoo (group {@code org.akorn}): checkpoints, by {@link CheckpointLoader}. */
public final class AkornModelZoo extends ModelZoo {

  /** The zoo's group id ({@code Criteria.Builder.optGroupId}). */
  public static final String GROUP_ID = "org.akorn";

  public AkornModelZoo() {
    addModel(new CheckpointLoader());
  }

  @Override
  public String getGroupId() {
    return GROUP_ID;
  }

  @Override
  public Set<String> getSupportedEngines() {
    return Set.of("PyTorch");
  }
}
