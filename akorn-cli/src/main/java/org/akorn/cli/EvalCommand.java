package org.akorn.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.eval.VotingAccuracy;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.data.objects.ObjectImages;
import org.akorn.runtime.data.objects.SegmentedImage;
import org.akorn.runtime.eval.Accuracy;
import org.akorn.runtime.eval.AttackBudget;
import org.akorn.runtime.eval.AttackSets;
import org.akorn.runtime.eval.AutoAttackEvaluation;
import org.akorn.runtime.eval.AutoAttackReport;
import org.akorn.runtime.eval.Classifier;
import org.akorn.runtime.eval.RobustnessReport;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.runtime.eval.segmentation.ClusteringMethod;
import org.akorn.runtime.eval.segmentation.ObjectDiscoveryEvaluation;
import org.akorn.runtime.figures.SegmentationFigure;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.train.ProgressBar;
import org.akorn.spark.CheckpointFiles;
import org.akorn.spark.HadoopFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akorn eval model.ckpt --data DIR [--robustness] [--attacks SETS]}: rebuilds the model from
 * the checkpoint alone, measures its accuracy on the data's test split and, with {@code
 * --robustness}, runs the noise, FGSM, PGD and calibration tests and the AutoAttack-grade
 * evaluation ({@code --attacks} alone runs only the latter); writes {@code report.md} and the
 * figures. A model with
 * an mlp features head is scored by object discovery instead: FG-ARI and MBO of its segments of
 * held-out images ({@code --data tetrominoes|shapes|DIR}, as for {@code akorn train}).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate a checkpoint of akorn train on a data set's test split.",
        "A model with an mlp features head is scored by object discovery: FG-ARI and MBO of"
            + " its segments of held-out images (k-means and agglomerative, next to the pixel"
            + " baseline)."})
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHECKPOINT",
      description = "A model.ckpt written by akorn train, or a URI of Hadoop's file systems"
          + " (hdfs://..., s3a://...), copied once (then --out is needed).")
  String checkpoint;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The data folder (as for akorn train); for an mlp head also tetrominoes or"
          + " shapes; or a URI of Hadoop's file systems, whose plain files every JVM copies"
          + " once.")
  String data;

  @Option(names = "--steps", paramLabel = "T", description = "Kuramoto steps per layer (test-time extension).")
  Integer steps;

  @Option(names = "--votes", paramLabel = "K", defaultValue = "1",
      description = "Vote over K random initial states per example (default 1: no vote); for models"
          + " that start from a random state (noise, or a random attention latent).")
  int votes;

  @Option(names = "--vote", paramLabel = "energy|confidence", defaultValue = "confidence",
      description = "What ranks the K runs: confidence (C-voting: the highest mean top-1"
          + " probability, the default) or energy (the lowest energy of the last Kuramoto layer,"
          + " summed over its steps).")
  String vote;

  @Option(names = "--robustness", description = "Also Gaussian noise, FGSM, PGD-20 and ECE.")
  boolean robustness;

  @Option(names = "--attack-examples", paramLabel = "N", defaultValue = "1000",
      description = "Test images for the noise and attack tests (default 1000).")
  int attackExamples;

  @Option(names = "--eot", paramLabel = "K", defaultValue = "1",
      description = "Average every attack gradient over K draws of the initial noise (default 1).")
  int eot;

  @Option(names = "--attacks", paramLabel = "SETS",
      description = "AutoAttack-grade attack sets, comma-separated: auto (autoattack-rand for a"
          + " random initial state, autoattack-standard for a fixed or no random state; the"
          + " default with --robustness), autoattack-rand, autoattack-standard, apgd-ce, apgd-dlr,"
          + " apgd-t, square, fgsm, pgd.")
  String attacks;

  @Option(names = "--budget", paramLabel = "KEY=V,...",
      description = "Cheaper attacks than AutoAttack's published settings (iterations=100,"
          + " eot=20, queries=5000, restarts=1, targets=9), e.g. iterations=20,eot=4; the report"
          + " says so.")
  String budget;

  @Option(names = "--epsilons", paramLabel = "LIST", defaultValue = "8/255,0.1",
      description = "L-infinity radii of the AutoAttack-grade rows (default 8/255,0.1).")
  String epsilons;

  @Option(names = "--autoattack-examples", paramLabel = "N", defaultValue = "100",
      description = "Test images for the AutoAttack-grade rows (default 100; 0 = none).")
  int autoattackExamples;

  @Option(names = "--fixed-seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the known initial state of the fixed threat model (default 0).")
  long fixedSeed;

  @Option(names = "--no-masking-checks", negatable = false,
      description = "Skip the gradient-masking checks of the AutoAttack-grade rows.")
  boolean noMaskingChecks;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "100", description = "Images per forward pass (default 100).")
  int batch;

  @Option(names = "--images", paramLabel = "N", defaultValue = "200",
      description = "Held-out images with masks for an mlp head (default 200, the set akorn train"
          + " validates on with its defaults).")
  int images;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the initial noise and the perturbations (default 0); for an mlp head"
          + " also of the generated held-out images (default 1, as akorn train).")
  Long seed;

  @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
      description = "Run the --robustness evaluation's batches (the suite and the AutoAttack-grade"
          + " rows) as tasks of a Spark master (local[N], spark://host:port, yarn, ...; without"
          + " MASTER: the one spark-submit set, else local[*]); the report equals the one of a"
          + " single machine. The checkpoint and --data are paths readable at the same place on"
          + " every executor, or URIs of Hadoop's file systems (hdfs://..., s3a://...), which"
          + " every JVM copies once.")
  String spark;

  @Option(names = "--out", paramLabel = "DIR", description = "Where report.md and the figures go"
      + " (default: the checkpoint's folder; needed for a checkpoint URI).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    if (steps != null && steps < 1 || eot < 1 || batch < 1 || votes < 1 || attackExamples < 0
        || autoattackExamples < 0) {
      throw new UserException("--steps, --eot, --batch and --votes must be at least 1,"
          + " --attack-examples and --autoattack-examples not negative");
    }
    VotingAccuracy.Ranking ranking = switch (vote) {
      case "confidence" -> VotingAccuracy.Ranking.CONFIDENCE;
      case "energy" -> VotingAccuracy.Ranking.ENERGY;
      default -> throw new UserException("--vote takes energy or confidence, got '" + vote + "'");
    };
    if (votes > 1 && robustness) {
      throw new UserException("--votes and --robustness cannot be combined");
    }
    AutoAttackEvaluation.Settings autoattack = autoattackSettings();
    if (votes > 1 && autoattack != null) {
      throw new UserException("--votes and --attacks cannot be combined");
    }
    if (spark != null && !robustness) {
      throw new UserException("--spark distributes the --robustness evaluation; add"
          + " --robustness");
    }
    boolean remoteCheckpoint = CheckpointFiles.isRemote(checkpoint);
    boolean remoteData = HadoopFolders.isRemote(data);
    if (remoteCheckpoint && out == null) {
      throw new UserException("--out is needed: the checkpoint " + checkpoint + " is a URI");
    }
    // The driver reads the checkpoint as every executor does (a URI copied once); without
    // --spark, this JVM alone reads it.
    SourceCompiledModels models = SourceCompiledModels.of(checkpoint);
    Path checkpointFile = remoteCheckpoint ? models.localFile() : CheckpointFiles.local(checkpoint);
    CompiledModel compiled = CompiledModel.fromCheckpoint(checkpointFile, err);
    if (compiled.hasMlpHead()) {
      return evaluateObjectDiscovery(compiled, checkpointFile, o, err);
    }
    long seed = this.seed != null ? this.seed : 0;
    String name = compiled.spec().name();
    Path dataFolder = DataFolders.local(data);
    DataFolder.Splits splits = DataFolder.open(dataFolder,
        List.copyOf(compiled.inputShapes().keySet()));
    Dataset test = splits.test();
    test.checkAgainst(compiled.inputShapes());
    Path dir = out != null ? out : checkpointFile.toAbsolutePath().getParent();
    RunOptions options = steps == null ? RunOptions.defaults() : RunOptions.defaults().withSteps(steps);
    long start = System.nanoTime();
    StringBuilder report = new StringBuilder("# Evaluation of " + name + "\n\n");
    report.append(String.format(Locale.ROOT, "Checkpoint `%s`, test split of `%s` (%d examples)%s.%n%n",
        remoteCheckpoint ? checkpoint : checkpointFile, remoteData ? data : dataFolder,
        test.size(), steps == null ? "" : ", T = " + steps));
    try (AkornModel model = compiled.load(checkpointFile);
        SparkEvaluation sparkRun = spark == null ? null : new SparkEvaluation(spark, models,
            remoteData ? data : dataFolder.toAbsolutePath().toString(),
            List.copyOf(compiled.inputShapes().keySet()))) {
      if (votes > 1) {
        VotingAccuracy.Result r;
        try {
          r = VotingAccuracy.of(model, test, batch, options.withSeed(seed), votes, ranking);
        } catch (IllegalArgumentException e) {
          throw new UserException(e.getMessage());
        }
        String how = (ranking == VotingAccuracy.Ranking.CONFIDENCE ? "C-voting" : "energy voting")
            + ", K = " + votes;
        report.append(String.format(Locale.ROOT,
            "| model | vote | accuracy | all positions right |%n|---|---|---:|---:|%n| %s | %s | %.2f %% | %.2f %% |%n",
            name, how, 100 * r.positionAccuracy(), 100 * r.exampleAccuracy()));
        o.printf(Locale.ROOT, "%s (%s): accuracy %.2f %%, all positions right %.2f %% on %d test examples%n",
            name, how, 100 * r.positionAccuracy(), 100 * r.exampleAccuracy(), test.size());
      } else if (!robustness && autoattack != null) {
        double acc = Accuracy.of(model, test, batch, options.withSeed(seed));
        report.append(String.format(Locale.ROOT, "Clean accuracy on the whole test split: %.2f %%."
            + "%n", 100 * acc));
        o.printf(Locale.ROOT, "%s: accuracy %.2f %% on %d test examples%n", name, 100 * acc,
            test.size());
      } else if (!robustness) {
        double acc = Accuracy.of(model, test, batch, options.withSeed(seed));
        report.append(String.format(Locale.ROOT, "| model | accuracy |%n|---|---:|%n| %s | %.2f %% |%n",
            name, 100 * acc));
        o.printf(Locale.ROOT, "%s: accuracy %.2f %% on %d test examples%n", name, 100 * acc,
            test.size());
      } else {
        RobustnessSuite.Settings settings =
            RobustnessSuite.Settings.paper(batch, attackExamples, eot, seed);
        Classifier classifier;
        try {
          classifier = Classifier.of(model, options);
        } catch (IllegalArgumentException e) {
          throw new UserException(e.getMessage());
        }
        RobustnessSuite.Result result;
        if (sparkRun != null) {
          result = sparkRun.suite(settings, steps == null ? 0 : steps);
        } else {
          try (NDManager m = model.manager().newSubManager()) {
            result = new RobustnessSuite(settings, err, ProgressBar.stderrIsTerminal())
                .run(name, classifier, test, m);
          }
        }
        List<RobustnessReport.Row> rows = List.of(new RobustnessReport.Row(name, result));
        report.append(RobustnessReport.table(settings, rows)).append('\n')
            .append(RobustnessReport.notes(settings, result));
        for (Path f : RobustnessReport.writeFigures(dir, settings, rows)) {
          report.append("\n![").append(f.getFileName()).append("](").append(f.getFileName())
              .append(")\n");
        }
        o.print(RobustnessReport.table(settings, rows));
      }
      if (autoattack != null && autoattack.examples() > 0) {
        report.append("\n## AutoAttack-grade robustness\n\n");
        report.append(autoattackSection(autoattack, model, options, test, dir, name, sparkRun,
            err, o));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.append(String.format(Locale.ROOT, "%nEvaluation time: %s.%n", ProgressBar.clock(seconds)));
    Path file = dir.resolve("report.md");
    AtomicFiles.writeString(file, report.toString());
    o.println("wrote " + file + " (" + ProgressBar.clock(seconds) + ")");
    o.flush();
    return 0;
  }

  /** The AutoAttack-grade settings of the options, or null when none were asked for. */
  private AutoAttackEvaluation.Settings autoattackSettings() {
    if (attacks == null && !robustness) {
      if (budget != null) {
        throw new UserException("--budget applies to --attacks or --robustness");
      }
      return null;
    }
    try {
      List<String> sets = new ArrayList<>();
      for (String set : (attacks == null ? "auto" : attacks).split(",")) {
        String t = set.strip();
        if (!t.equals("auto")) {
          AttackSets.of(t, AttackBudget.published(), 10, false);
          sets.add(t);
        }
      }
      AttackBudget b = budget == null ? AttackBudget.published() : AttackBudget.parse(budget);
      return new AutoAttackEvaluation.Settings(List.copyOf(sets),
          AutoAttackReport.parseRadii(epsilons), b, autoattackExamples, batch,
          (seed != null ? seed : 0) + 17, !noMaskingChecks);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private String autoattackSection(AutoAttackEvaluation.Settings s, AkornModel model,
      RunOptions options, Dataset test, Path dir, String name, SparkEvaluation sparkRun,
      PrintWriter err, PrintWriter o) throws java.io.IOException {
    List<AutoAttackEvaluation.ThreatModel> threats;
    try {
      threats = AutoAttackEvaluation.threatModels(model, options, fixedSeed);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    AutoAttackEvaluation.Outcome outcome;
    try (NDManager m = model.manager().newSubManager()) {
      int classes = AutoAttackEvaluation.classes(threats.get(0), test, m);
      try {
        outcome = sparkRun != null
            ? sparkRun.autoattack(s, steps == null ? 0 : steps, fixedSeed, name)
            : new AutoAttackEvaluation(s, err, ProgressBar.stderrIsTerminal())
                .run(name, threats, classes, test, m);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    Path figure = dir.resolve("eot-curve.png");
    boolean drawn = AutoAttackReport.writeEotCurve(figure, List.of(outcome));
    String md = AutoAttackReport.markdown(s, List.of(outcome), drawn ? "eot-curve.png" : null);
    o.print(md.substring(0, md.indexOf("\n\n") + 1));
    return md;
  }

  /** An mlp features head: FG-ARI and MBO of segments of held-out images (docs/objects.md). */
  private int evaluateObjectDiscovery(CompiledModel compiled, Path checkpoint, PrintWriter o,
      PrintWriter err) throws Exception {
    String name = compiled.spec().name();
    if (robustness || attacks != null) {
      throw new UserException((robustness ? "--robustness" : "--attacks") + " needs a classifier; "
          + name + " has an mlp features head, scored by object discovery");
    }
    if (images < 1) {
      throw new UserException("--images must be at least 1, got " + images);
    }
    long seed = this.seed != null ? this.seed : 1;
    Path data = DataFolders.local(this.data);
    int size = compiled.squareRgbImageSize("object discovery");
    ObjectImages set;
    try {
      set = ObjectImages.open(data.toString(), size, images, seed);
    } catch (IllegalArgumentException e) {
      throw new UserException("--data " + data + ": " + e.getMessage());
    }
    if (set.heldOut().isEmpty()) {
      throw new UserException("--data " + data + " has no masks/ to score segments against");
    }
    Path dir = out != null ? out : checkpoint.toAbsolutePath().getParent();
    RunOptions options =
        steps == null ? RunOptions.defaults() : RunOptions.defaults().withSteps(steps);
    long start = System.nanoTime();
    List<SegmentedImage> heldOut = set.heldOut();
    ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal());
    Map<String, ObjectDiscoveryEvaluation.Result> rows = new LinkedHashMap<>();
    try (AkornModel model = compiled.load(checkpoint)) {
      for (ClusteringMethod method : ClusteringMethod.values()) {
        String label = method == ClusteringMethod.KMEANS ? "k-means" : "agglomerative";
        rows.put(name + ", " + label, ObjectDiscoveryEvaluation.ofModel(model, heldOut,
            ObjectDiscoveryEvaluation.Settings.of(method, set.clusters()), options, seed,
            done -> bar.update((double) done / heldOut.size(),
                label + ": " + done + "/" + heldOut.size() + " images", false)));
        bar.finish();
      }
    }
    ObjectDiscoveryEvaluation.Result pixel = ObjectDiscoveryEvaluation.pixelBaseline(heldOut,
        ObjectDiscoveryEvaluation.Settings.of(ClusteringMethod.KMEANS, set.clusters()));
    rows.put("pixel colour and position, k-means", pixel);
    StringBuilder table = new StringBuilder("| model | FG-ARI | MBO |\n|---|---:|---:|\n");
    rows.forEach((row, r) -> table.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n",
        row, r.scores().fgAri(), r.scores().mbo())));
    int shown = Math.min(8, heldOut.size());
    Path figure = dir.resolve("segments.png");
    SegmentationFigure.write(figure, heldOut.subList(0, shown),
        rows.values().iterator().next().predicted().subList(0, shown), 4);
    double seconds = (System.nanoTime() - start) / 1e9;
    String report = "# Object discovery by " + name + "\n\n"
        + String.format(Locale.ROOT, "Checkpoint `%s`, %d held-out %s images (seed %d), k = %d"
            + " clusters (objects plus background)%s.%n%n", checkpoint, heldOut.size(),
            set.source(), seed, set.clusters(), steps == null ? "" : ", T = " + steps)
        + table
        + "\nThe last read-out per patch, L2-normalised, clustered per image and upsampled"
        + " (nearest) to the image, as the reference evaluates; FG-ARI over the pixels of objects,"
        + " MBO over the images with objects.\n\n![segments](segments.png)\n"
        + String.format(Locale.ROOT, "%nEvaluation time: %s.%n", ProgressBar.clock(seconds));
    Path file = dir.resolve("report.md");
    AtomicFiles.writeString(file, report);
    o.print(table);
    o.println("wrote " + file + " and " + figure + " (" + ProgressBar.clock(seconds) + ")");
    o.flush();
    return 0;
  }
}
