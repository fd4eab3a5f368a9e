package org.akorn.runtime.eval;

import java.io.Serializable;
import java.util.Locale;

/**
 * The cost settings of the AutoAttack-grade attacks. {@link #published()} holds AutoAttack's
 * (Croce and Hein 2020): 100 APGD iterations, EOT over 20 draws for a randomized model, 5000
 * Square queries, 1 restart, 9 target classes for APGD-T. A cheaper run names what it changes
 * ({@link #parse}), and {@link #describe()} says it in the report.
 *
 * @param iterations APGD iterations per run
 * @param eotDraws forward passes averaged per gradient of a randomized model
 * @param queries Square queries per example
 * @param restarts APGD runs with fresh random starts
 * @param targets APGD-T target classes (at most the model's classes - 1 are used)
 */
public record AttackBudget(int iterations, int eotDraws, int queries, int restarts,
    int targets) implements Serializable {

  public AttackBudget {
    if (iterations < 1 || eotDraws < 1 || queries < 1 || restarts < 1 || targets < 1) {
      throw new IllegalArgumentException("every budget setting must be at least 1, got "
          + "iterations=" + iterations + ", eot=" + eotDraws + ", queries=" + queries
          + ", restarts=" + restarts + ", targets=" + targets);
    }
  }

  /** AutoAttack's published settings. */
  public static AttackBudget published() {
    return new AttackBudget(100, 20, 5000, 1, 9);
  }

  /**
   * The published settings with the named ones changed, e.g. {@code iterations=20,eot=4,
   * queries=1000} (keys: iterations, eot, queries, restarts, targets); {@code published} alone
   * for the published settings.
   *
   * @throws IllegalArgumentException with one line naming the bad part
   */
  public static AttackBudget parse(String text) {
    AttackBudget b = published();
    if (text.strip().equals("published")) {
      return b;
    }
    for (String part : text.split(",")) {
      String[] kv = part.trim().split("=", -1);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--budget: expected key=value, got '" + part.trim()
            + "' (keys: iterations, eot, queries, restarts, targets)");
      }
      int v;
      try {
        v = Integer.parseInt(kv[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--budget: " + kv[0].trim() + " needs a whole number,"
            + " got '" + kv[1].trim() + "'");
      }
      b = switch (kv[0].trim()) {
        case "iterations" -> new AttackBudget(v, b.eotDraws, b.queries, b.restarts, b.targets);
        case "eot" -> new AttackBudget(b.iterations, v, b.queries, b.restarts, b.targets);
        case "queries" -> new AttackBudget(b.iterations, b.eotDraws, v, b.restarts, b.targets);
        case "restarts" -> new AttackBudget(b.iterations, b.eotDraws, b.queries, v, b.targets);
        case "targets" -> new AttackBudget(b.iterations, b.eotDraws, b.queries, b.restarts, v);
        default -> throw new IllegalArgumentException("--budget: unknown key '" + kv[0].trim()
            + "' (keys: iterations, eot, queries, restarts, targets)");
      };
    }
    return b;
  }

  /** Whether these are the published settings. */
  public boolean isPublished() {
    return equals(published());
  }

  /** E.g. {@code 100 iterations, EOT 20, 5000 queries, 1 restart(s), 9 target classes}. */
  public String describe() {
    return String.format(Locale.ROOT, "%d iterations, EOT %d, %d queries, %d restart(s), %d"
        + " target classes", iterations, eotDraws, queries, restarts, targets);
  }
}
