package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      int calibrationBins, long seed) {

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
    int clean = settings.cleanExamples() <= 0 ? test.size()
        : Math.min(settings.cleanExamples(), test.size());
    int attacked = Math.min(settings.attackExamples(), test.size());
    List<String> columns = settings.columns();
    int attackColumns = columns.size() - 2;
    long work = clean + (long) attacked * attackColumns;
    ProgressBar bar = new ProgressBar(log, interactive);
    long[] done = {0};
    Runnable progress = () -> bar.update((double) done[0] / work, String.format(Locale.ROOT,
        "%s: %d of %d image tests  %s", name, done[0], work,
        ProgressBar.clock((System.nanoTime() - start) / 1e9)), false);

    double[] confidence = new double[clean];
    boolean[] correct = new boolean[clean];
    long[] hits = new long[columns.size()];
    for (int from = 0; from < clean; from += settings.batchSize()) {
      int to = Math.min(clean, from + settings.batchSize());
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
          confidence[from + i] = best;
          correct[from + i] = predicted[i] == labels[i];
          hits[0] += correct[from + i] ? 1 : 0;
        }
      }
      done[0] += to - from;
      progress.run();
    }
    for (int from = 0; from < attacked; from += settings.batchSize()) {
      int to = Math.min(attacked, from + settings.batchSize());
      try (NDManager m = manager.newSubManager()) {
        int[] idx = range(from, to);
        NDArray x = test.inputs(m, idx).values().iterator().next();
        NDArray y = test.labels(m, idx);
        int[] labels = labels(test, idx);
        long seed = settings.seed() + 7_919L * (from + 1);
        int col = 1;
        for (double sigma : settings.noiseSigmas()) {
          NDArray noisy = Perturbations.gaussianNoise(x, (float) sigma, seed + col);
          hits[col++] += count(classifier.logits(noisy, seed), labels);
          done[0] += idx.length;
          progress.run();
        }
        NDArray g = InputGradients.ofCrossEntropy(classifier, x, y, seed, settings.eotDraws());
        for (int eps : settings.fgsmEpsilons()) {
          NDArray adv = Perturbations.fgsm(x, g, eps / 255f);
          hits[col++] += count(classifier.logits(adv, seed + 1), labels);
          done[0] += idx.length;
          progress.run();
        }
        NDArray adv = Perturbations.pgd(classifier, x, y, settings.pgdEpsilon() / 255f,
            settings.pgdStepSize() / 255f, settings.pgdSteps(), settings.eotDraws(), seed);
        hits[col] += count(classifier.logits(adv, seed + 1), labels);
        done[0] += idx.length;
        progress.run();
      }
    }
    bar.finish();
    Calibration.Result calibration = Calibration.of(confidence, correct,
        settings.calibrationBins());
    Map<String, Double> values = new LinkedHashMap<>();
    for (int c = 0; c < columns.size() - 1; c++) {
      values.put(columns.get(c), (double) hits[c] / (c == 0 ? clean : attacked));
    }
    values.put(ECE, calibration.ece());
    return new Result(values, calibration, clean, attacked, (System.nanoTime() - start) / 1e9);
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
