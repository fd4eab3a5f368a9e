package org.akorn.examples.demo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.examples.FashionAkorn;
import org.akorn.examples.FashionCnn;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.ModelSource;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.eval.AttackBudget;
import org.akorn.runtime.eval.AutoAttackEvaluation;
import org.akorn.runtime.eval.AutoAttackReport;
import org.akorn.runtime.data.augment.Augmentations;
import org.akorn.runtime.eval.Classifier;
import org.akorn.runtime.eval.RobustnessReport;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.train.DatasetTraining;
import org.akorn.runtime.train.EmaSettings;
import org.akorn.runtime.train.ProgressBar;
import org.akorn.runtime.train.TrainingDefaults;
import org.akorn.runtime.train.TrainingLoop;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akorn demo classify run}: trains the AKOrN classifier of {@code
 * examples/models/fashion.akorn} on Fashion-MNIST for a time budget, then the baseline of {@code
 * fashion_cnn.akorn} (a plain CNN of about the same parameter count) on exactly as many steps of
 * the same batches, evaluates both with the robustness and calibration tests and the
 * AutoAttack-grade rows (the AKOrN under a random and under a known initial state, the CNN as it
 * is) and writes one side-by-side report.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Fashion-MNIST: an AKOrN classifier against a plain CNN on equal data;"
        + " accuracy, robustness (noise, FGSM, PGD) and calibration.",
    subcommands = {CommandLine.HelpCommand.class, ClassifyCommand.Run.class})
public final class ClassifyCommand {
  /** Where Debian's dataset-fashion-mnist installs the IDX files. */
  static final Path DEBIAN_DATA = Path.of("/usr/share/datasets/fashion-mnist");
  static final Shape IMAGE = new Shape(1, 28, 28);
  static final int CLASSES = 10;
  /**
   * The demo's AutoAttack budget, reduced from the published settings so that the AutoAttack-grade
   * rows fit the demo's 30 minutes (docs/robustness.md).
   */
  static final String DEMO_BUDGET = "iterations=20,eot=4,queries=500";

  /** {@code run}: train both, evaluate both, report. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Train the AKOrN classifier and the CNN baseline, evaluate both, write the"
          + " report.")
  public static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "M",
        description = "Training time of the AKOrN model (default 10; validation excluded)."
            + " The baseline trains on as many steps.")
    double minutes = 10;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Folder with the four Fashion-MNIST IDX files (default " + "/usr/share/datasets/fashion-mnist).")
    Path data = DEBIAN_DATA;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default runs/classify).")
    Path out = Path.of("runs", "classify");

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (default 64).")
    int batch = 64;

    @Option(names = "--lr", paramLabel = "LR",
        description = "Adam's learning rate (default 1e-3; the reference's 1e-4 is made for 400 epochs).")
    float lr = TrainingDefaults.CLASSIFIER.learningRate();

    @Option(names = {"--ema-beta", "--ema-decay"}, paramLabel = "BETA",
        description = "Largest EMA decay, reached after the warm-up (default 0.99; the EMA copies"
            + " the weights until step 200, then updates every 10 steps, as the reference).")
    double emaBeta = TrainingDefaults.CLASSIFIER.ema().beta();

    @Option(names = "--augment", paramLabel = "none|strong",
        description = "Augmentation of both models' training images (default none; strong is the"
            + " reference's flip, random resized crop, colour jitter and AugMix).")
    String augment = "none";

    @Option(names = "--attack-examples", paramLabel = "N",
        description = "Test images for the noise and attack tests (default 1000).")
    int attackExamples = 1000;

    @Option(names = "--eot", paramLabel = "K",
        description = "Average every attack gradient over K draws of the initial noise (default 1).")
    int eot = 1;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of shuffling and noise (default 1).")
    long seed = 1;

    @Option(names = "--autoattack-examples", paramLabel = "N",
        description = "Test images for the AutoAttack-grade rows (default 100; 0 = none).")
    int autoattackExamples = 100;

    @Option(names = "--budget", paramLabel = "KEY=V,...",
        description = "AutoAttack settings (default " + DEMO_BUDGET + ", reduced from the"
            + " published iterations=100, eot=20, queries=5000 to fit the demo in 30 minutes on 2"
            + " cores; 'published' for those). The report says which.")
    String budget = DEMO_BUDGET;

    @Option(names = "--epsilons", paramLabel = "LIST",
        description = "Radii of the AutoAttack-grade rows (default 8/255,0.1).")
    String epsilons = "8/255,0.1";

    @Option(names = "--no-masking-checks", negatable = false,
        description = "Skip the gradient-masking checks.")
    boolean noMaskingChecks;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!(minutes > 0) || batch < 1 || eot < 1 || attackExamples < 0
          || autoattackExamples < 0) {
        throw new IllegalArgumentException("--minutes, --batch and --eot must be positive,"
            + " --attack-examples and --autoattack-examples not negative");
      }
      AutoAttackEvaluation.Settings autoattack = new AutoAttackEvaluation.Settings(List.of(),
          AutoAttackReport.parseRadii(epsilons),
          AttackBudget.parse(budget),
          autoattackExamples, 100, seed + 2000, !noMaskingChecks);
      Augmentations augmentation = Augmentations.parse(augment);
      long start = System.nanoTime();
      boolean tty = ProgressBar.stderrIsTerminal();
      DataFolder.Splits splits = DataFolder.open(data, List.of("image"));
      splits.train().checkAgainst(Map.of("image", IMAGE));
      splits.test().checkAgainst(Map.of("image", IMAGE));
      err.printf(Locale.ROOT, "data: %d training and %d test images from %s%n",
          splits.train().size(), splits.test().size(), data);
      List<Outcome> outcomes = new ArrayList<>();
      RobustnessSuite.Settings settings =
          RobustnessSuite.Settings.paper(100, attackExamples, eot, seed + 1000);
      long steps;
      try (AkornModel akorn = FashionAkorn.builder().build()) {
        err.printf(Locale.ROOT, "1/4 training %s for %s%n", akorn.modelName(),
            ProgressBar.clock(minutes * 60));
        TrainingLoop.Config config = new TrainingLoop.Config(batch, lr, 1f, ema(), seed,
            minutes * 60, 0, 60);
        DatasetTraining.Result trained =
            train(akorn, "fashion.akorn", splits, config, augmentation, err, tty);
        steps = trained.summary().steps();
        err.printf(Locale.ROOT, "2/4 evaluating %s%n", akorn.modelName());
        outcomes.add(evaluate(akorn, trained, settings, autoattack, splits, err, tty));
      }
      try (AkornModel cnn = FashionCnn.builder().build()) {
        err.printf(Locale.ROOT, "3/4 training %s for the same %d steps%n", cnn.modelName(), steps);
        TrainingLoop.Config config = new TrainingLoop.Config(batch, lr, 1f, ema(), seed, 0,
            steps, 60);
        DatasetTraining.Result trained =
            train(cnn, "fashion_cnn.akorn", splits, config, augmentation, err, tty);
        err.printf(Locale.ROOT, "4/4 evaluating %s%n", cnn.modelName());
        outcomes.add(evaluate(cnn, trained, settings, autoattack, splits, err, tty));
      }
      double total = (System.nanoTime() - start) / 1e9;
      String report = report(outcomes, settings, autoattack, total);
      AtomicFiles.writeString(out.resolve("report.md"), report);
      o.print(report);
      o.println("wrote " + out.resolve("report.md"));
      o.flush();
      return 0;
    }

    private EmaSettings ema() {
      EmaSettings d = TrainingDefaults.CLASSIFIER.ema();
      return new EmaSettings(emaBeta, d.updateAfterStep(), d.updateEvery(), d.invGamma(),
          d.power(), d.minValue());
    }

    private DatasetTraining.Result train(AkornModel model, String file, DataFolder.Splits splits,
        TrainingLoop.Config config, Augmentations augmentation, PrintWriter err, boolean tty)
        throws IOException {
      Path dir = out.resolve(model.modelName().toLowerCase(Locale.ROOT));
      return DatasetTraining.run(model, splits.train(), 1000, config,
          new DatasetTraining.Options(augmentation, 0), dir, source(file),
          Map.of("data", data.toAbsolutePath().normalize().toString()), err, tty);
    }

    private Outcome evaluate(AkornModel model, DatasetTraining.Result trained,
        RobustnessSuite.Settings settings, AutoAttackEvaluation.Settings autoattack,
        DataFolder.Splits splits, PrintWriter err, boolean tty) {
      try (NDManager m = model.manager().newSubManager()) {
        RobustnessSuite.Result r = new RobustnessSuite(settings, err, tty)
            .run(model.modelName(), Classifier.of(model), splits.test(), m);
        err.printf(Locale.ROOT, "  %s: clean %.2f %%, evaluated in %s%n", model.modelName(),
            100 * r.values().get(RobustnessSuite.CLEAN), ProgressBar.clock(r.seconds()));
        AutoAttackEvaluation.Outcome aa = null;
        if (autoattack.examples() > 0) {
          List<AutoAttackEvaluation.ThreatModel> threats = AutoAttackEvaluation.threatModels(
              model, RunOptions.defaults(), seed);
          aa = new AutoAttackEvaluation(autoattack, err, tty)
              .run(model.modelName(), threats, CLASSES, splits.test(), m);
          err.printf(Locale.ROOT, "  %s: AutoAttack-grade rows in %s%n", model.modelName(),
              ProgressBar.clock(aa.seconds()));
        }
        return new Outcome(model.modelName(), trained, r, aa);
      }
    }

    private String report(List<Outcome> outcomes, RobustnessSuite.Settings settings,
        AutoAttackEvaluation.Settings autoattack, double total) throws IOException {
      List<RobustnessReport.Row> rows = outcomes.stream()
          .map(x -> new RobustnessReport.Row(x.model(), x.result())).toList();
      StringBuilder b = new StringBuilder("# Fashion-MNIST: AKOrN against a CNN on equal data\n\n");
      b.append(RobustnessReport.table(settings, rows)).append('\n');
      b.append("| model | training steps | images seen | epochs started | training time |"
          + " validation accuracy (EMA) | validation accuracy (live) | evaluation time |\n"
          + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Outcome x : outcomes) {
        TrainingLoop.Summary s = x.trained().summary();
        b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %.2f %% | %.2f %% | %s |%n",
            x.model(), s.steps(), s.examples(), x.trained().epochs(),
            ProgressBar.clock(s.trainSeconds()), 100 * x.trained().validationAccuracy(),
            100 * x.trained().liveValidationAccuracy(), ProgressBar.clock(x.result().seconds())));
      }
      b.append('\n').append(RobustnessReport.notes(settings, outcomes.get(0).result()));
      b.append(String.format(Locale.ROOT, "- Both models: Adam %s, batch %d, gradient-norm clip 1,"
              + " an EMA of the weights (evaluated; %s), the same shuffled batches (seed %d); the"
              + " last 1,000 training images are held out for validation; augmentation %s.%n",
          new BigDecimal(Float.toString(lr)).stripTrailingZeros().toPlainString(), batch,
          ema().describe(), seed, Augmentations.parse(augment).describe()));
      b.append(String.format(Locale.ROOT, "- Whole run: %s.%n%n", ProgressBar.clock(total)));
      for (Path f : RobustnessReport.writeFigures(out, settings, rows)) {
        b.append("![").append(f.getFileName()).append("](").append(f.getFileName()).append(")\n");
      }
      List<AutoAttackEvaluation.Outcome> aa = outcomes.stream().map(Outcome::autoattack)
          .filter(x -> x != null).toList();
      if (!aa.isEmpty()) {
        boolean drawn = AutoAttackReport.writeEotCurve(out.resolve("eot-curve.png"), aa);
        b.append("\n## AutoAttack-grade robustness\n\n")
            .append(AutoAttackReport.markdown(autoattack, aa, drawn ? "eot-curve.png" : null));
        for (Outcome x : outcomes) {
          if (x.autoattack() != null) {
            b.append(String.format(Locale.ROOT, "- %s: AutoAttack-grade rows and checks in %s.%n",
                x.model(), ProgressBar.clock(x.autoattack().seconds())));
          }
        }
      }
      return b.toString();
    }
  }

  /** One model's training and evaluation. */
  record Outcome(String model, DatasetTraining.Result trained, RobustnessSuite.Result result,
      AutoAttackEvaluation.Outcome autoattack) {}

  /** The model file shipped in the examples jar, for self-describing checkpoints. */
  static ModelSource source(String file) throws IOException {
    try (InputStream in = ClassifyCommand.class.getResourceAsStream("/models/" + file)) {
      if (in == null) {
        throw new IOException("the examples jar lacks models/" + file);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ModelSource.of(file, Map.of(file, text), Map.of());
    }
  }
}
