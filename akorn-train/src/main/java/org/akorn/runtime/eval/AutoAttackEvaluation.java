package org.akorn.runtime.eval;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.train.ProgressBar;

/**
 * AutoAttack-grade robustness of one model under one or more threat models: robust accuracy
 * against the chosen attack sets at every radius ({@link RobustAccuracy}), then, with checks on,
 * the gradient-masking checks ({@link MaskingChecks}) at the first radius: FGSM against APGD-CE,
 * the white-box {@code autoattack-rand} set against Square, APGD-CE at every radius and at 0.25
 * and 0.5, and for a randomized threat model the APGD-CE success as the EOT draws go 1, 4, 16.
 *
 * <p>Each number is a {@link Measurement} on the first images; {@link #plan} lists them, {@link
 * #measureBatch} measures one batch of one (its seeds from the settings' seed and the batch's
 * first image alone), and {@link #outcome} puts the results together as {@link #run} does, so the
 * batches may run in any order, on any machine.
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
      int batchSize, long seed, boolean checks) implements Serializable {
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

  /**
   * One robust-accuracy measurement on the first images: a table row or a number of the checks.
   *
   * @param threat the index of the threat model
   * @param set the attack set ({@link AttackSets#NAMES}); {@code apgd-ce} for the EOT curve
   * @param eotDraws for a point of the EOT curve its draws, else 0
   * @param epsilon the radius
   * @param row whether it is a table row (else a check's number)
   */
  public record Measurement(int threat, String set, int eotDraws, double epsilon, boolean row)
      implements Serializable {
    /** What is measured, as the progress lines name it. */
    public String what() {
      return eotDraws > 0 ? "APGD-CE EOT " + eotDraws : set;
    }
  }

  private final Settings settings;
  private final PrintWriter log;
  private final boolean interactive;

  public AutoAttackEvaluation(Settings settings, PrintWriter log, boolean interactive) {
    this.settings = settings;
    this.log = log;
    this.interactive = interactive;
  }

  /**
   * The threat models of {@code model}: for a model that starts from noise "random" (a fresh
   * state at every forward pass) and "fixed (seed S)" (one known state drawn from {@code
   * fixedSeed}), else "none (deterministic)".
   *
   * @throws IllegalArgumentException for a model with more than one input
   */
  public static List<ThreatModel> threatModels(AkornModel model, RunOptions options,
      long fixedSeed) {
    Classifier plain = Classifier.of(model, options);
    if (Classifier.startsFromNoise(model)) {
      return List.of(new ThreatModel("random", plain, true),
          new ThreatModel("fixed (seed " + fixedSeed + ")",
              Classifier.withFixedInitialState(model, options, fixedSeed), false));
    }
    return List.of(new ThreatModel("none (deterministic)", plain, false));
  }

  /** The classes of {@code threat}'s classifier: the width of its logits for the first image. */
  public static int classes(ThreatModel threat, Dataset test, NDManager manager) {
    try (NDManager m = manager.newSubManager()) {
      return (int) threat.classifier().logits(test.inputs(m, new int[] {0}).values().iterator()
          .next(), 0).getShape().get(1);
    }
  }

  /**
   * Runs every set at every radius under every threat model, then the checks.
   *
   * @param classes the model's classes
   */
  public Outcome run(String model, List<ThreatModel> threats, int classes, Dataset test,
      NDManager manager) {
    long start = System.nanoTime();
    plan(threats, classes, test); // refuses a set the classes do not allow before any attack
    Outcome o = assemble(model, threats, classes, test,
        m -> measure(model, m, threats.get(m.threat()), classes, test, manager));
    return new Outcome(o.rows(), o.checks(), o.examples(), (System.nanoTime() - start) / 1e9);
  }

  /** The images measured: the first {@link Settings#examples()} of {@code test}. */
  public int examples(Dataset test) {
    return Math.min(settings.examples(), test.size());
  }

  /**
   * Every measurement of {@link #run}, in its order; each runs in the batches of {@link
   * RobustAccuracy#batchStarts} of {@link #examples} images.
   *
   * @throws IllegalArgumentException for an unknown set or one the classes do not allow
   */
  public List<Measurement> plan(List<ThreatModel> threats, int classes, Dataset test) {
    Set<Measurement> plan = new LinkedHashSet<>();
    assemble("", threats, classes, test, m -> {
      List<Attack> attacks = attacks(m, threats.get(m.threat()), classes);
      plan.add(m);
      return new RobustAccuracy.Result(attacks.stream().map(Attack::name).toList(), 0, 0,
          new int[attacks.size()], 0);
    });
    return List.copyOf(plan);
  }

  /**
   * The batch of {@code m} starting at image {@code from} (its seeds come from the settings' seed
   * and {@code from} alone).
   */
  public RobustAccuracy.Batch measureBatch(Measurement m, ThreatModel threat, int classes,
      Dataset test, int from, NDManager manager) {
    return RobustAccuracy.batch(threat.classifier(), test, examples(test), settings.batchSize(),
        from, attacks(m, threat, classes), (float) m.epsilon(), settings.seed(), manager);
  }

  /**
   * The outcome of {@link #run} from the result of every measurement of {@link #plan}.
   *
   * @param results each measurement's result (from {@link RobustAccuracy#combine})
   * @param seconds the wall time
   * @throws IllegalArgumentException when a measurement's result is missing
   */
  public Outcome outcome(String model, List<ThreatModel> threats, int classes, Dataset test,
      Map<Measurement, RobustAccuracy.Result> results, double seconds) {
    Outcome o = assemble(model, threats, classes, test, m -> {
      RobustAccuracy.Result r = results.get(m);
      if (r == null) {
        throw new IllegalArgumentException("no result for " + m);
      }
      return r;
    });
    return new Outcome(o.rows(), o.checks(), o.examples(), seconds);
  }

  /** The attacks of {@code m}. */
  public List<Attack> attacks(Measurement m, ThreatModel threat, int classes) {
    if (m.eotDraws() > 0) {
      return List.of(Apgd.untargeted(Apgd.Loss.CE, Apgd.Settings.of(
          settings.budget().iterations(), settings.budget().restarts(), m.eotDraws())));
    }
    return AttackSets.of(m.set(), settings.budget(), classes, threat.randomized());
  }

  /** The rows and checks, each measurement's result from {@code measure}, in run order. */
  private Outcome assemble(String model, List<ThreatModel> threats, int classes, Dataset test,
      Function<Measurement, RobustAccuracy.Result> measure) {
    int n = examples(test);
    List<Row> rows = new ArrayList<>();
    List<CheckSet> checks = new ArrayList<>();
    for (int t = 0; t < threats.size(); t++) {
      ThreatModel threat = threats.get(t);
      for (String set : settings.setsFor(threat)) {
        for (double eps : settings.radii()) {
          Measurement m = new Measurement(t, set, 0, eps, true);
          RobustAccuracy.Result r = measure.apply(m);
          rows.add(new Row(model, threat.name(), set, eps, attacks(m, threat, classes).stream()
              .map(a -> a.name() + " (" + a.settings() + ")").toList(), r));
        }
      }
      if (settings.checks() && n > 0) {
        checks.add(checks(model, t, threat, classes, test, n, measure));
      }
    }
    return new Outcome(rows, checks, n, 0);
  }

  private CheckSet checks(String model, int t, ThreatModel threat, int classes, Dataset test,
      int n, Function<Measurement, RobustAccuracy.Result> measure) {
    double first = settings.radii()[0];
    List<MaskingChecks.Check> out = new ArrayList<>();
    double fgsm = measure.apply(new Measurement(t, "fgsm", 0, first, false)).accuracy();
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
      apgd[i] = measure.apply(new Measurement(t, "apgd-ce", 0, eps[i], false)).accuracy();
      if (eps[i] == first) {
        apgdFirst = apgd[i];
      }
    }
    out.add(MaskingChecks.iterativeBeatsSingleStep("APGD-CE", apgdFirst, fgsm));
    String white = classes >= 3 ? "autoattack-rand" : "apgd-ce";
    double whiteBox = measure.apply(new Measurement(t, white, 0, first, false)).accuracy();
    double square = measure.apply(new Measurement(t, "square", 0, first, false)).accuracy();
    out.add(MaskingChecks.whiteBoxBeatsBlackBox(white, whiteBox, square));
    out.add(MaskingChecks.fallsTowardZero(eps[eps.length - 1], apgd[eps.length - 1],
        largestClassShare(test, n)));
    out.add(MaskingChecks.doesNotRise("APGD-CE", eps, apgd));
    double[] success = new double[0];
    if (threat.randomized()) {
      success = new double[EOT_CURVE.length];
      for (int i = 0; i < EOT_CURVE.length; i++) {
        RobustAccuracy.Result r = measure.apply(new Measurement(t, "apgd-ce", EOT_CURVE[i],
            first, false));
        success[i] = r.clean() == 0 ? 0 : (double) (r.clean() - r.robust()) / r.clean();
      }
      out.add(MaskingChecks.eotConverged(EOT_CURVE, success, EOT_TOLERANCE));
    }
    return new CheckSet(model, threat.name(), out, success);
  }

  private RobustAccuracy.Result measure(String model, Measurement m, ThreatModel threat,
      int classes, Dataset test, NDManager manager) {
    int n = examples(test);
    ProgressBar bar = new ProgressBar(log, interactive);
    long start = System.nanoTime();
    String label = String.format(Locale.ROOT, "%s, %s: %s at %s", model, threat.name(), m.what(),
        AutoAttackReport.radius(m.epsilon()));
    IntConsumer progress = done -> bar.update((double) done / n, String.format(Locale.ROOT,
        "%s: %d of %d images  %s", label, done, n,
        ProgressBar.clock((System.nanoTime() - start) / 1e9)), false);
    RobustAccuracy.Result r = RobustAccuracy.of(threat.classifier(), test, n,
        settings.batchSize(), attacks(m, threat, classes), (float) m.epsilon(), settings.seed(),
        manager, progress);
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
