package org.akorn.runtime.djl;

import ai.djl.Model;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;
import org.akorn.runtime.AkornModel;

/** A served checkpoint: closing it also closes the generated model that holds its weights. */
final class AkornZooModel<I, O> extends ZooModel<I, O> {
  private final AkornModel akorn;

  AkornZooModel(Model model, Translator<I, O> translator, AkornModel akorn) {
    super(model, translator);
    this.akorn = akorn;
  }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      akorn.close();
    }
  }
}
