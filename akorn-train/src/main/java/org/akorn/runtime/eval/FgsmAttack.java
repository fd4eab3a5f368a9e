package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** FGSM as an {@link Attack}: one signed step of epsilon up the cross-entropy (EOT-averaged). */
public final class FgsmAttack implements Attack {
  private final int eotDraws;

  /** @param eotDraws forward passes averaged for the gradient */
  public FgsmAttack(int eotDraws) {
    this.eotDraws = eotDraws;
  }

  @Override
  public String name() {
    return "FGSM";
  }

  @Override
  public String settings() {
    return "1 step of epsilon, EOT " + eotDraws;
  }

  @Override
  public Outcome run(Classifier classifier, NDArray x, int[] labels, float epsilon, long seed) {
    NDManager owner = x.getManager();
    try (NDManager m = owner.newSubManager()) {
      NDArray input = x.duplicate();
      input.attach(m);
      NDArray y = m.create(Apgd.toLong(labels));
      NDArray g = InputGradients.ofCrossEntropy(classifier, input, y, seed, eotDraws);
      NDArray adv = Perturbations.fgsm(input, g, epsilon);
      adv.attach(owner);
      boolean[] fooled = PgdAttack.misclassified(classifier, adv, labels, seed + eotDraws);
      return new Outcome(adv, fooled, eotDraws + 1L);
    }
  }
}
