package org.akorn.runtime.eval;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.train.ProgressBar;

/**
 * AutoAttack-grade robustness of one model under one or more threat models: robust accuracy
 * against the chosen attack sets at every radius ({@link RobustAccuracy}), then, with checks on,
 * the gradient-masking checks ({@link MaskingChecks}) at the first radius: FGSM against APGD-CE,
 * the white-box {@code autoattack-rand} set against Square, APGD-CE at every radius and at 0.25
 * and 0.5, and for a randomized threat model the APGD-CE success as the EOT draws go 1, 4, 16.
 */
public final class AutoAttackEvaluation {
  /** The EOT draws of the convergence curve. */
  public static final int[] EOT_CURVE = {1, 4, 16};
  /** The radii added to check that accuracy falls toward 0. */
  public static final double[] LARGE_RADII = {0.25, 0.5};
  /** The largest rise of APGD-CE success from K = 4 to 16 that counts as converged. */
  public static final double EOT_TOLERANCE = 0.02;

  /**
   * What to run.
   *
   * @param sets attack set names ({@link AttackSets#NAMES}); empty: {@code autoattack-rand} for a
   *     randomized threat model, {@code autoattack-standard} for a deterministic one
   * @param radii L-infinity radii on the [0, 1] scale, e.g. 8/255 and 0.1
   * @param budget the attacks' cost settings
   * @param examples the first images of the test split to attack
   * @param batchSize images per batch
   * @param seed seed of the attacks and of the scoring draws
   * @param checks whether to run the gradient-masking checks
   */
  public record Settings(List<String> sets, double[] radii, AttackBudget budget, int examples,
      int batchSize, long seed, boolean checks) {
    /** The sets a threat model gets. */
    public List<String> setsFor(ThreatModel threat) {
      if (!sets.isEmpty()) {
        return sets;
      }
      return List.of(threat.randomized() ? "autoattack-rand" : "autoattack-standard");
    }
  }

  /**
   * How the attacker sees the model.
   *
   * @param name e.g. {@code random initial state} or {@code fixed initial state (seed 3)}
   * @param randomized whether every forward pass draws a fresh random state
   */
  public record ThreatModel(String name, Classifier classifier, boolean randomized) {}

  /** One model, threat model, attack set and radius. */
  public record Row(String model, String threat, String set, double epsilon,
      List<String> attackSettings, RobustAccuracy.Result result) {}

  /**
   * The checks of one model under one threat model.
   *
   * @param eotSuccess APGD-CE success at {@link #EOT_CURVE} draws (randomized only, else empty)
   */
  public record CheckSet(String model, String threat, List<MaskingChecks.Check> checks,
      double[] eotSuccess) {}

  /** Everything measured. */
  public record Outcome(List<Row> rows, List<CheckSet> checks, int examples, double seconds) {}

  private final Settings settings;
  private final PrintWriter log;
  private final boolean interactive;

  public AutoAttackEvaluation(Settings settings, PrintWriter log, boolean interactive) {
    this.settings = settings;
    this.log = log;
    this.interactive = interactive;
  }

  /**
   * Runs every set at every radius under every threat model, then the checks.
   *
   * @param classes the model's classes
   */
  public Outcome run(String model, List<ThreatModel> threats, int classes, Dataset test,
      NDManager manager) {
    long start = System.nanoTime();
    int n = Math.min(settings.examples(), test.size());
    List<Row> rows = new ArrayList<>();
    List<CheckSet> checks = new ArrayList<>();
    for (ThreatModel threat : threats) {
      for (String set : settings.setsFor(threat)) {
        for (double eps : settings.radii()) {
          List<Attack> attacks = AttackSets.of(set, settings.budget(), classes,
              threat.randomized());
          RobustAccuracy.Result r = measure(model, threat, set, attacks, eps, test, manager);
          rows.add(new Row(model, threat.name(), set, eps,
              attacks.stream().map(a -> a.name() + " (" + a.settings() + ")").toList(), r));
        }
      }
      if (settings.checks() && n > 0) {
        checks.add(checks(model, threat, classes, test, manager, n));
      }
    }
    return new Outcome(rows, checks, n, (System.nanoTime() - start) / 1e9);
  }

  private CheckSet checks(String model, ThreatModel threat, int classes, Dataset test,
      NDManager manager, int n) {
    double first = settings.radii()[0];
    List<MaskingChecks.Check> out = new ArrayList<>();
    double fgsm = measure(model, threat, "fgsm", AttackSets.of("fgsm", settings.budget(),
        classes, threat.randomized()), first, test, manager).accuracy();
    List<Double> radii = new ArrayList<>();
    for (double r : settings.radii()) {
      radii.add(r);
    }
    for (double r : LARGE_RADII) {
      radii.add(r);
    }
    radii = radii.stream().distinct().sorted().toList();
    double[] eps = radii.stream().mapToDouble(Double::doubleValue).toArray();
    double[] apgd = new double[eps.length];
    double apgdFirst = 0;
    for (int i = 0; i < eps.length; i++) {
      apgd[i] = measure(model, threat, "apgd-ce", AttackSets.of("apgd-ce", settings.budget(),
          classes, threat.randomized()), eps[i], test, manager).accuracy();
      if (eps[i] == first) {
        apgdFirst = apgd[i];
      }
    }
    out.add(MaskingChecks.iterativeBeatsSingleStep("APGD-CE", apgdFirst, fgsm));
    String white = classes >= 3 ? "autoattack-rand" : "apgd-ce";
    double whiteBox = measure(model, threat, white, AttackSets.of(white, settings.budget(),
        classes, threat.randomized()), first, test, manager).accuracy();
    double square = measure(model, threat, "square", AttackSets.of("square", settings.budget(),
        classes, threat.randomized()), first, test, manager).accuracy();
    out.add(MaskingChecks.whiteBoxBeatsBlackBox(white, whiteBox, square));
    out.add(MaskingChecks.fallsTowardZero(eps[eps.length - 1], apgd[eps.length - 1],
        largestClassShare(test, n)));
    out.add(MaskingChecks.doesNotRise("APGD-CE", eps, apgd));
    double[] success = new double[0];
    if (threat.randomized()) {
      success = new double[EOT_CURVE.length];
      for (int i = 0; i < EOT_CURVE.length; i++) {
        Apgd attack = Apgd.untargeted(Apgd.Loss.CE, Apgd.Settings.of(
            settings.budget().iterations(), settings.budget().restarts(), EOT_CURVE[i]));
        RobustAccuracy.Result r = measure(model, threat, "APGD-CE EOT " + EOT_CURVE[i],
            List.of(attack), first, test, manager);
        success[i] = r.clean() == 0 ? 0 : (double) (r.clean() - r.robust()) / r.clean();
      }
      out.add(MaskingChecks.eotConverged(EOT_CURVE, success, EOT_TOLERANCE));
    }
    return new CheckSet(model, threat.name(), out, success);
  }

  private RobustAccuracy.Result measure(String model, ThreatModel threat, String what,
      List<Attack> attacks, double eps, Dataset test, NDManager manager) {
    int n = Math.min(settings.examples(), test.size());
    ProgressBar bar = new ProgressBar(log, interactive);
    long start = System.nanoTime();
    String label = String.format(Locale.ROOT, "%s, %s: %s at %s", model, threat.name(), what,
        AutoAttackReport.radius(eps));
    IntConsumer progress = done -> bar.update((double) done / n, String.format(Locale.ROOT,
        "%s: %d of %d images  %s", label, done, n,
        ProgressBar.clock((System.nanoTime() - start) / 1e9)), false);
    RobustAccuracy.Result r = RobustAccuracy.of(threat.classifier(), test, n,
        settings.batchSize(), attacks, (float) eps, settings.seed(), manager, progress);
    bar.finish();
    log.printf(Locale.ROOT, "  %s: robust %d of %d (clean %d) in %s%n", label, r.robust(),
        r.examples(), r.clean(), ProgressBar.clock(r.seconds()));
    log.flush();
    return r;
  }

  private static double largestClassShare(Dataset test, int n) {
    Map<Integer, Integer> counts = new HashMap<>();
    int most = 0;
    for (int i = 0; i < n; i++) {
      most = Math.max(most, counts.merge((int) test.labels().first(i), 1, Integer::sum));
    }
    return (double) most / n;
  }
}
