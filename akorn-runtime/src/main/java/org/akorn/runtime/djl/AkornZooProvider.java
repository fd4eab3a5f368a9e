package org.akorn.runtime.djl;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;

/** Registers the {@link AkornModelZoo} with DJL's service loading. */
public final class AkornZooProvider implements ZooProvider {

  @Override
  public ModelZoo getModelZoo() {
    return new AkornModelZoo();
  }
}
