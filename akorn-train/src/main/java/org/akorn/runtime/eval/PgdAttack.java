package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Locale;

/**
 * PGD as an {@link Attack} ({@link Perturbations#pgd}): {@code steps} signed steps of epsilon / 4
 * from the clean image (2/255 at 8/255, as the paper's tests), no random start.
 */
public final class PgdAttack implements Attack {
  private final int steps;
  private final int eotDraws;

  public PgdAttack(int steps, int eotDraws) {
    this.steps = steps;
    this.eotDraws = eotDraws;
  }

  @Override
  public String name() {
    return "PGD-" + steps;
  }

  @Override
  public String settings() {
    return String.format(Locale.ROOT, "%d steps of epsilon / 4 from the clean image, EOT %d",
        steps, eotDraws);
  }

  @Override
  public Outcome run(Classifier classifier, NDArray x, int[] labels, float epsilon, long seed) {
    NDManager owner = x.getManager();
    try (NDManager m = owner.newSubManager()) {
      NDArray input = x.duplicate();
      input.attach(m);
      NDArray adv = Perturbations.pgd(classifier, input, m.create(Apgd.toLong(labels)), epsilon,
          epsilon / 4, steps, eotDraws, seed);
      adv.attach(owner);
      boolean[] fooled = misclassified(classifier, adv, labels, seed + (long) steps * eotDraws);
      return new Outcome(adv, fooled, (long) steps * eotDraws + 1);
    }
  }

  /** Whether one forward pass with {@code seed} gets each example wrong. */
  static boolean[] misclassified(Classifier classifier, NDArray x, int[] labels, long seed) {
    try (NDManager m = x.getManager().newSubManager()) {
      NDArray input = x.duplicate();
      input.attach(m);
      int[] predicted = Perturbations.argmax(classifier.logits(input, seed));
      boolean[] wrong = new boolean[labels.length];
      for (int b = 0; b < labels.length; b++) {
        wrong[b] = predicted[b] != labels[b];
      }
      return wrong;
    }
  }
}
