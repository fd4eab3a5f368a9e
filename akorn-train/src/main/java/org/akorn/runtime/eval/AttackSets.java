package org.akorn.runtime.eval;

import java.util.List;

/**
 * The named attack sets of {@code --attacks}. {@code autoattack-rand} is AutoAttack's version for
 * randomized defenses (APGD-CE and APGD-DLR, gradients averaged over the budget's EOT draws);
 * {@code autoattack-standard} is its standard version without FAB-T (APGD-CE, APGD-T, Square).
 * Every gradient of a randomized classifier is averaged over the budget's EOT draws; a
 * deterministic one (a plain CNN, or an AKOrN with a known initial state) needs one draw. The
 * DLR losses need logits to rank: with fewer than 4 classes the AutoAttack sets use APGD-DLR in
 * place of APGD-T, with fewer than 3 neither.
 */
public final class AttackSets {
  private AttackSets() {}

  /** Every name {@link #of} knows, in the order of the help text. */
  public static final List<String> NAMES = List.of("autoattack-rand", "autoattack-standard",
      "apgd-ce", "apgd-dlr", "apgd-t", "square", "fgsm", "pgd");

  /**
   * The attacks of the set {@code name}, run in order.
   *
   * @param classes the model's classes (APGD-DLR needs 3, APGD-T 4)
   * @param randomized whether the classifier draws a random state per forward pass
   * @throws IllegalArgumentException for an unknown name or too few classes
   */
  public static List<Attack> of(String name, AttackBudget budget, int classes,
      boolean randomized) {
    int eot = randomized ? budget.eotDraws() : 1;
    Apgd.Settings apgd = Apgd.Settings.of(budget.iterations(), budget.restarts(), eot);
    Attack ce = Apgd.untargeted(Apgd.Loss.CE, apgd);
    return switch (name) {
      case "autoattack-rand" -> classes >= 3 ? List.of(ce, dlr(apgd, classes)) : List.of(ce);
      case "autoattack-standard" -> {
        Attack square = new SquareAttack(budget.queries(), 0.8);
        yield classes >= 4 ? List.of(ce, targeted(apgd, budget, classes), square)
            : classes == 3 ? List.of(ce, dlr(apgd, classes), square) : List.of(ce, square);
      }
      case "apgd-ce" -> List.of(ce);
      case "apgd-dlr" -> List.of(dlr(apgd, classes));
      case "apgd-t" -> List.of(targeted(apgd, budget, classes));
      case "square" -> List.of(new SquareAttack(budget.queries(), 0.8));
      case "fgsm" -> List.of(new FgsmAttack(eot));
      case "pgd" -> List.of(new PgdAttack(20, eot));
      default -> throw new IllegalArgumentException("unknown attack set '" + name + "'; known: "
          + String.join(", ", NAMES));
    };
  }

  private static Attack dlr(Apgd.Settings s, int classes) {
    if (classes < 3) {
      throw new IllegalArgumentException("APGD-DLR needs at least 3 classes, the model has "
          + classes);
    }
    return Apgd.untargeted(Apgd.Loss.DLR, s);
  }

  private static Attack targeted(Apgd.Settings s, AttackBudget budget, int classes) {
    if (classes < 4) {
      throw new IllegalArgumentException("APGD-T needs at least 4 classes, the model has "
          + classes);
    }
    return Apgd.targeted(Math.min(budget.targets(), classes - 1), s);
  }
}
