package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.IntConsumer;
import org.akorn.runtime.data.Dataset;

/**
 * Robust accuracy as AutoAttack counts it: an example counts as robust only if it is classified
 * right clean and every attack of the set fails on it. The attacks run in order, each on the
 * examples that are still robust; every attack's result is scored by its own forward pass (a
 * randomized model draws a fresh initial state for it), and every adversarial input is checked
 * to lie within epsilon of its image and in [0, 1].
 */
public final class RobustAccuracy {
  private RobustAccuracy() {}

  /**
   * The outcome on a set of examples.
   *
   * @param attacks the attacks' names, in order
   * @param examples examples attacked
   * @param clean examples classified right clean
   * @param robustAfter examples still robust after each attack, cumulative
   * @param seconds wall time
   */
  public record Result(List<String> attacks, int examples, int clean, int[] robustAfter,
      double seconds) {
    /** Examples robust against every attack. */
    public int robust() {
      return robustAfter.length == 0 ? clean : robustAfter[robustAfter.length - 1];
    }

    /** {@link #robust()} / {@link #examples()}. */
    public double accuracy() {
      return examples == 0 ? Double.NaN : (double) robust() / examples;
    }

    /** {@link #clean()} / {@link #examples()}. */
    public double cleanAccuracy() {
      return examples == 0 ? Double.NaN : (double) clean / examples;
    }

    Result plus(Result o) {
      int[] after = robustAfter.clone();
      for (int i = 0; i < after.length; i++) {
        after[i] += o.robustAfter[i];
      }
      return new Result(attacks, examples + o.examples, clean + o.clean, after,
          seconds + o.seconds);
    }
  }

  /**
   * The first {@code examples} images of {@code test} in batches of {@code batchSize}.
   *
   * @param progress told the number of examples done after every batch
   */
  public static Result of(Classifier classifier, Dataset test, int examples, int batchSize,
      List<Attack> attacks, float epsilon, long seed, NDManager manager, IntConsumer progress) {
    int n = Math.min(examples, test.size());
    Result total = new Result(names(attacks), 0, 0, new int[attacks.size()], 0);
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      try (NDManager m = manager.newSubManager()) {
        int[] idx = new int[to - from];
        int[] labels = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = from + i;
          labels[i] = (int) test.labels().first(idx[i]);
        }
        NDArray x = test.inputs(m, idx).values().iterator().next();
        total = total.plus(of(classifier, x, labels, attacks, epsilon,
            seed + 7_919L * (from + 1)));
      }
      progress.accept(to);
    }
    return total;
  }

  /** One batch {@code x} with its labels. */
  public static Result of(Classifier classifier, NDArray x, int[] labels, List<Attack> attacks,
      float epsilon, long seed) {
    long start = System.nanoTime();
    boolean[] robust = new boolean[labels.length];
    boolean[] wrong = PgdAttack.misclassified(classifier, x, labels, seed);
    int clean = 0;
    for (int b = 0; b < labels.length; b++) {
      robust[b] = !wrong[b];
      clean += robust[b] ? 1 : 0;
    }
    HostBatch batch = HostBatch.of(x);
    int[] after = new int[attacks.size()];
    for (int a = 0; a < attacks.size(); a++) {
      int[] open = HostBatch.indicesOf(robust, true);
      if (open.length > 0) {
        try (NDManager m = x.getManager().newSubManager()) {
          HostBatch part = batch.rows(open);
          int[] partLabels = HostBatch.select(labels, open);
          Attack.Outcome o = attacks.get(a).run(classifier, part.toArray(part.values(), m),
              partLabels, epsilon, seed + 1_000_003L * (a + 1));
          o.adversarial().attach(m);
          checkWithinBall(attacks.get(a), part.values(), o.adversarial().toFloatArray(),
              epsilon);
          boolean[] fooled = PgdAttack.misclassified(classifier, o.adversarial(), partLabels,
              seed + 7_777L * (a + 1));
          for (int i = 0; i < open.length; i++) {
            robust[open[i]] = !fooled[i];
          }
        }
      }
      after[a] = HostBatch.indicesOf(robust, true).length;
    }
    return new Result(names(attacks), labels.length, clean, after,
        (System.nanoTime() - start) / 1e9);
  }

  private static void checkWithinBall(Attack attack, float[] clean, float[] adv, float eps) {
    for (int i = 0; i < clean.length; i++) {
      if (Math.abs(adv[i] - clean[i]) > eps * (1 + 1e-5f) + 1e-6f || adv[i] < 0 || adv[i] > 1) {
        throw new IllegalStateException(attack.name() + " left the epsilon-ball or [0, 1]: "
            + clean[i] + " -> " + adv[i] + " at epsilon " + eps);
      }
    }
  }

  private static List<String> names(List<Attack> attacks) {
    return attacks.stream().map(Attack::name).toList();
  }
}
