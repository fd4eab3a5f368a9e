package org.akorn.runtime.eval;

import java.util.Locale;

/**
 * Checks that an evaluation is not fooled by gradient masking (Carlini et al. 2019, "On
 * Evaluating Adversarial Robustness", section 5), each a pass or a fail with its numbers.
 * Accuracies are fractions of the same examples.
 */
public final class MaskingChecks {
  private MaskingChecks() {}

  /**
   * One check's outcome.
   *
   * @param claim what must hold
   * @param passed whether it held
   * @param numbers the measured numbers
   */
  public record Check(String claim, boolean passed, String numbers) {
    /** A markdown list item: {@code - PASS claim: numbers}. */
    public String line() {
      return "- " + (passed ? "PASS" : "FAIL") + " " + claim + ": " + numbers;
    }
  }

  /** Iterative attacks at least as strong as a single step: robust accuracy no higher. */
  public static Check iterativeBeatsSingleStep(String iterative, double iterativeAccuracy,
      double singleStepAccuracy) {
    return new Check("iterative attacks at least as strong as single-step ones",
        iterativeAccuracy <= singleStepAccuracy,
        String.format(Locale.ROOT, "%s %s, FGSM %s", iterative, pct(iterativeAccuracy),
            pct(singleStepAccuracy)));
  }

  /**
   * White-box attacks at least as strong as the black-box Square attack: if Square, which sees
   * no gradient, fools more examples, the gradients mislead.
   */
  public static Check whiteBoxBeatsBlackBox(String whiteBox, double whiteBoxAccuracy,
      double squareAccuracy) {
    return new Check("white-box at least as strong as black-box (Square)",
        whiteBoxAccuracy <= squareAccuracy,
        String.format(Locale.ROOT, "%s %s, Square %s", whiteBox, pct(whiteBoxAccuracy),
            pct(squareAccuracy)));
  }

  /**
   * Accuracy falls toward 0 as epsilon grows: at 0.5 the mid-grey image lies within reach of
   * every image, so at most the examples of its class can stay right; the bound is the largest
   * class share among the examples.
   */
  public static Check fallsTowardZero(double epsilon, double accuracy, double largestClassShare) {
    return new Check("accuracy falls toward 0 as epsilon grows",
        accuracy <= largestClassShare,
        String.format(Locale.ROOT, "%s at epsilon %s, at most %s allowed (the largest class"
            + " share)", pct(accuracy), RobustnessSuite.trim(epsilon), pct(largestClassShare)));
  }

  /** Accuracy does not rise with epsilon (the same attack at ascending radii). */
  public static Check doesNotRise(String attack, double[] epsilons, double[] accuracies) {
    boolean ok = true;
    StringBuilder b = new StringBuilder(attack);
    for (int i = 0; i < epsilons.length; i++) {
      ok &= i == 0 || accuracies[i] <= accuracies[i - 1];
      b.append(i == 0 ? " " : ", ").append(pct(accuracies[i])).append(" at ")
          .append(String.format(Locale.ROOT, "%.4g", epsilons[i]));
    }
    return new Check("accuracy does not rise with epsilon", ok, b.toString());
  }

  /**
   * The attack's success has converged in the EOT draws: from the second-largest K to the largest
   * it rises by at most {@code tolerance} (a fraction); a steeper rise means more draws are
   * needed before the robust accuracy can be trusted.
   */
  public static Check eotConverged(int[] draws, double[] success, double tolerance) {
    StringBuilder b = new StringBuilder("APGD-CE success");
    for (int i = 0; i < draws.length; i++) {
      b.append(i == 0 ? " " : ", ").append(pct(success[i])).append(" at K = ").append(draws[i]);
    }
    int last = draws.length - 1;
    boolean ok = last < 1 || success[last] - success[last - 1] <= tolerance;
    b.append(String.format(Locale.ROOT, " (rise allowed from K = %d to %d: %s)",
        draws[Math.max(last - 1, 0)], draws[last], pct(tolerance)));
    return new Check("attack success converged in the EOT draws", ok, b.toString());
  }

  static String pct(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }
}
