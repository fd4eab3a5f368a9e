package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.akorn.runtime.data.Dataset;

/**
 * Robust accuracy as AutoAttack counts it: an example counts as robust only if it is classified
 * right clean and every attack of the set fails on it. The attacks run in order, each on the
 * examples that are still robust; every attack's result is scored by its own forward pass (a
 * randomized model draws a fresh initial state for it), and every adversarial input is checked
 * to lie within epsilon of its image and in [0, 1].
 *
 * <p>A set of images is measured in batches ({@link #batch}) whose seeds come from the seed and
 * the batch's first image alone, so batches may run in any order, on any machine, and {@link
 * #combine} puts them together to the result of {@link #of}.
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
      double seconds) implements Serializable {
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
   * The outcome on the batch of images starting at {@code from}.
   *
   * @param from the batch's first image (a multiple of the batch size)
   */
  public record Batch(int from, Result result) implements Serializable {}

  /**
   * The first {@code examples} images of {@code test} in batches of {@code batchSize}.
   *
   * @param progress told the number of examples done after every batch
   */
  public static Result of(Classifier classifier, Dataset test, int examples, int batchSize,
      List<Attack> attacks, float epsilon, long seed, NDManager manager, IntConsumer progress) {
    int n = Math.min(examples, test.size());
    List<Batch> batches = new ArrayList<>();
    for (int from : batchStarts(n, batchSize)) {
      Batch b = batch(classifier, test, n, batchSize, from, attacks, epsilon, seed, manager);
      batches.add(b);
      progress.accept(from + b.result().examples());
    }
    return combine(attacks, n, batchSize, batches);
  }

  /** The first image of each batch of {@code batchSize} of the first {@code examples} images. */
  public static int[] batchStarts(int examples, int batchSize) {
    int[] starts = new int[(examples + batchSize - 1) / batchSize];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = i * batchSize;
    }
    return starts;
  }

  /**
   * The batch of the first {@code examples} images of {@code test} that starts at {@code from}.
   * Its seeds come from {@code seed} and {@code from} alone.
   */
  public static Batch batch(Classifier classifier, Dataset test, int examples, int batchSize,
      int from, List<Attack> attacks, float epsilon, long seed, NDManager manager) {
    int to = Math.min(examples, from + batchSize);
    try (NDManager m = manager.newSubManager()) {
      int[] idx = new int[to - from];
      int[] labels = new int[idx.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
        labels[i] = (int) test.labels().first(idx[i]);
      }
      NDArray x = test.inputs(m, idx).values().iterator().next();
      return new Batch(from, of(classifier, x, labels, attacks, epsilon,
          seed + 7_919L * (from + 1)));
    }
  }

  /**
   * The result on the first {@code examples} images from every batch of {@code batchSize}, in
   * any order.
   *
   * @throws IllegalArgumentException when a batch is missing or repeated
   */
  public static Result combine(List<Attack> attacks, int examples, int batchSize,
      List<Batch> batches) {
    List<Batch> sorted = batches.stream().sorted(Comparator.comparingInt(Batch::from)).toList();
    int[] froms = sorted.stream().mapToInt(Batch::from).toArray();
    int[] expected = batchStarts(examples, batchSize);
    if (!Arrays.equals(froms, expected)) {
      throw new IllegalArgumentException("the batches start at " + Arrays.toString(froms)
          + "; expected " + Arrays.toString(expected));
    }
    Result total = new Result(names(attacks), 0, 0, new int[attacks.size()], 0);
    for (Batch b : sorted) {
      total = total.plus(b.result());
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
