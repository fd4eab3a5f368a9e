package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.train.ProgressBar;

/**
 * The paper's classification tests on the [0, 1] pixel scale: clean accuracy and expected
 * calibration error on the whole test split; on a fixed subset (its first {@code attackExamples}
 * images) Gaussian noise, FGSM and PGD under the L-infinity norm. A model whose initial state is
 * random gets fresh noise at every forward pass, attacks included; {@code eotDraws} > 1 averages
 * each attack gradient over that many draws.
 */
public final class RobustnessSuite {

  /** The column headers of the tests, in report order. */
  public static final String CLEAN = "clean";
  public static final String ECE = "ECE";

  /**
   * What to run.
   *
   * @param batchSize images per forward pass
   * @param cleanExamples images for clean accuracy and ECE (0 = the whole split)
   * @param attackExamples images for the noise and attack tests (0 = none of those tests)
   * @param noiseSigmas standard deviations of the Gaussian noise
   * @param fgsmEpsilons FGSM budgets, in units of 1/255
   * @param pgdEpsilon PGD budget, in units of 1/255
   * @param pgdStepSize PGD step, in units of 1/255
   * @param pgdSteps PGD steps
   * @param eotDraws forward passes averaged per attack gradient
   * @param calibrationBins ECE bins
   * @param seed seed of the initial states and of the noise
   */
  public record Settings(int batchSize, int cleanExamples, int attackExamples, double[] noiseSigmas,
      int[] fgsmEpsilons, int pgdEpsilon, int pgdStepSize, int pgdSteps, int eotDraws,
      int calibrationBins, long seed) implements Serializable {

    /** The paper's tests: noise 0.05/0.1/0.2, FGSM 1/2/4/8, PGD-20 of 2 at 8 (/255), ECE 15 bins. */
    public static Settings paper(int batchSize, int attackExamples, int eotDraws, long seed) {
      return new Settings(batchSize, 0, attackExamples, new double[] {0.05, 0.1, 0.2},
          new int[] {1, 2, 4, 8}, 8, 2, 20, eotDraws, 15, seed);
    }

    /** The report's column headers, in order. */
    public List<String> columns() {
      List<String> c = new ArrayList<>(List.of(CLEAN));
      for (double s : noiseSigmas) {
        c.add("noise " + trim(s));
      }
      for (int e : fgsmEpsilons) {
        c.add("FGSM " + e + "/255");
      }
      c.add("PGD-" + pgdSteps + " " + pgdEpsilon + "/255");
      c.add(ECE);
      return c;
    }
  }

  /**
   * The outcome.
   *
   * @param values column header to accuracy in [0, 1] (ECE: the error itself), in column order
   * @param calibration the ECE with its bins (for a reliability diagram)
   * @param cleanExamples images of the clean test
   * @param attackExamples images of the noise and attack tests
   * @param seconds wall time of the whole suite
   */
  public record Result(Map<String, Double> values, Calibration.Result calibration,
      int cleanExamples, int attackExamples, double seconds) {
    /** The accuracies against the FGSM budgets (1/255 units), clean first (budget 0). */
    public double[] fgsmCurve(Settings s) {
      double[] y = new double[s.fgsmEpsilons().length + 1];
      y[0] = values.get(CLEAN);
      for (int i = 0; i < s.fgsmEpsilons().length; i++) {
        y[i + 1] = values.get("FGSM " + s.fgsmEpsilons()[i] + "/255");
      }
      return y;
    }
  }

  private final Settings settings;
  private final PrintWriter log;
  private final boolean interactive;

  public RobustnessSuite(Settings settings, PrintWriter log, boolean interactive) {
    this.settings = settings;
    this.log = log;
    this.interactive = interactive;
  }

  /**
   * Runs every test on {@code test} (one input column, labels {@code [N]}).
   *
   * @param name shown in the progress line
   */
  public Result run(String name, Classifier classifier, Dataset test, NDManager manager) {
    long start = System.nanoTime();
    int clean = cleanExamples(test);
    int attacked = attackExamples(test);
    int attackColumns = settings.columns().size() - 2;
    long work = clean + (long) attacked * attackColumns;
    ProgressBar bar = new ProgressBar(log, interactive);
    long[] done = {0};
    Runnable progress = () -> bar.update((double) done[0] / work, String.format(Locale.ROOT,
        "%s: %d of %d image tests  %s", name, done[0], work,
        ProgressBar.clock((System.nanoTime() - start) / 1e9)), false);

    List<CleanBatch> cleanBatches = new ArrayList<>();
    for (int from : batchStarts(clean)) {
      CleanBatch b = cleanBatch(classifier, test, from, manager);
      cleanBatches.add(b);
      done[0] += b.correct().length;
      progress.run();
    }
    List<AttackBatch> attackBatches = new ArrayList<>();
    for (int from : batchStarts(attacked)) {
      attackBatches.add(attackBatch(classifier, test, from, manager, n -> {
        done[0] += n;
        progress.run();
      }));
    }
    bar.finish();
    return combine(test, cleanBatches, attackBatches, (System.nanoTime() - start) / 1e9);
  }

  /**
   * One batch of the clean test: the confidence and correctness of each image.
   *
   * @param from the batch's first image (a multiple of the batch size)
   */
  public record CleanBatch(int from, double[] confidence, boolean[] correct)
      implements Serializable {}

  /**
   * One batch of the noise and attack tests: correct images per column after {@code clean}, in
   * column order (noise, FGSM, PGD).
   *
   * @param from the batch's first image (a multiple of the batch size)
   */
  public record AttackBatch(int from, long[] hits) implements Serializable {}

  /** Images of the clean test (and ECE) on {@code test}. */
  public int cleanExamples(Dataset test) {
    return settings.cleanExamples() <= 0 ? test.size()
        : Math.min(settings.cleanExamples(), test.size());
  }

  /** Images of the noise and attack tests on {@code test}. */
  public int attackExamples(Dataset test) {
    return Math.min(settings.attackExamples(), test.size());
  }

  /** The first image of each batch of the first {@code count} images. */
  public int[] batchStarts(int count) {
    int[] starts = new int[(count + settings.batchSize() - 1) / settings.batchSize()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = i * settings.batchSize();
    }
    return starts;
  }

  /**
   * The clean test of the batch starting at {@code from}. Its initial states come from the seed
   * and {@code from} alone, so batches may run in any order, on any machine.
   */
  public CleanBatch cleanBatch(Classifier classifier, Dataset test, int from, NDManager manager) {
    int to = Math.min(cleanExamples(test), from + settings.batchSize());
    double[] confidence = new double[to - from];
    boolean[] correct = new boolean[to - from];
    try (NDManager m = manager.newSubManager()) {
      int[] idx = range(from, to);
      NDArray x = test.inputs(m, idx).values().iterator().next();
      int[] labels = labels(test, idx);
      NDArray logits = classifier.logits(x, settings.seed() + from);
      float[] probs = logits.softmax(1).toFloatArray();
      int classes = (int) logits.getShape().get(1);
      int[] predicted = Perturbations.argmax(logits);
      for (int i = 0; i < idx.length; i++) {
        float best = 0;
        for (int k = 0; k < classes; k++) {
          best = Math.max(best, probs[i * classes + k]);
        }
        confidence[i] = best;
        correct[i] = predicted[i] == labels[i];
      }
    }
    return new CleanBatch(from, confidence, correct);
  }

  /**
   * The noise and attack tests of the batch starting at {@code from}; {@code done} hears the
   * images of each finished test. Its seeds come from the seed and {@code from} alone.
   */
  public AttackBatch attackBatch(Classifier classifier, Dataset test, int from,
      NDManager manager, IntConsumer done) {
    int to = Math.min(attackExamples(test), from + settings.batchSize());
    long[] hits = new long[settings.columns().size() - 2];
    try (NDManager m = manager.newSubManager()) {
      int[] idx = range(from, to);
      NDArray x = test.inputs(m, idx).values().iterator().next();
      NDArray y = test.labels(m, idx);
      int[] labels = labels(test, idx);
      long seed = settings.seed() + 7_919L * (from + 1);
      int col = 1;
      for (double sigma : settings.noiseSigmas()) {
        NDArray noisy = Perturbations.gaussianNoise(x, (float) sigma, seed + col);
        hits[col++ - 1] += count(classifier.logits(noisy, seed), labels);
        done.accept(idx.length);
      }
      NDArray g = InputGradients.ofCrossEntropy(classifier, x, y, seed, settings.eotDraws());
      for (int eps : settings.fgsmEpsilons()) {
        NDArray adv = Perturbations.fgsm(x, g, eps / 255f);
        hits[col++ - 1] += count(classifier.logits(adv, seed + 1), labels);
        done.accept(idx.length);
      }
      NDArray adv = Perturbations.pgd(classifier, x, y, settings.pgdEpsilon() / 255f,
          settings.pgdStepSize() / 255f, settings.pgdSteps(), settings.eotDraws(), seed);
      hits[col - 1] += count(classifier.logits(adv, seed + 1), labels);
      done.accept(idx.length);
    }
    return new AttackBatch(from, hits);
  }

  /**
   * The suite's result from every batch of the clean and attack tests, in any order.
   *
   * @throws IllegalArgumentException when a batch is missing or repeated
   */
  public Result combine(Dataset test, List<CleanBatch> cleanBatches,
      List<AttackBatch> attackBatches, double seconds) {
    int clean = cleanExamples(test);
    int attacked = attackExamples(test);
    List<String> columns = settings.columns();
    double[] confidence = new double[clean];
    boolean[] correct = new boolean[clean];
    long[] hits = new long[columns.size()];
    checkBatches(clean, cleanBatches.stream().mapToInt(CleanBatch::from).toArray(), "clean");
    checkBatches(attacked, attackBatches.stream().mapToInt(AttackBatch::from).toArray(),
        "attack");
    for (CleanBatch b : cleanBatches) {
      for (int i = 0; i < b.correct().length; i++) {
        confidence[b.from() + i] = b.confidence()[i];
        correct[b.from() + i] = b.correct()[i];
        hits[0] += b.correct()[i] ? 1 : 0;
      }
    }
    for (AttackBatch b : attackBatches) {
      for (int c = 0; c < b.hits().length; c++) {
        hits[c + 1] += b.hits()[c];
      }
    }
    Calibration.Result calibration = Calibration.of(confidence, correct,
        settings.calibrationBins());
    Map<String, Double> values = new LinkedHashMap<>();
    for (int c = 0; c < columns.size() - 1; c++) {
      values.put(columns.get(c), (double) hits[c] / (c == 0 ? clean : attacked));
    }
    values.put(ECE, calibration.ece());
    return new Result(values, calibration, clean, attacked, seconds);
  }

  private void checkBatches(int count, int[] froms, String test) {
    int[] sorted = froms.clone();
    Arrays.sort(sorted);
    if (!Arrays.equals(sorted, batchStarts(count))) {
      throw new IllegalArgumentException("the " + test + " batches start at "
          + Arrays.toString(sorted) + "; expected "
          + Arrays.toString(batchStarts(count)));
    }
  }

  private static int count(NDArray logits, int[] labels) {
    int[] predicted = Perturbations.argmax(logits);
    int n = 0;
    for (int i = 0; i < labels.length; i++) {
      n += predicted[i] == labels[i] ? 1 : 0;
    }
    return n;
  }

  private static int[] labels(Dataset test, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = (int) test.labels().first(idx[i]);
    }
    return out;
  }

  private static int[] range(int from, int to) {
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    return idx;
  }

  static String trim(double v) {
    String s = Double.toString(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
