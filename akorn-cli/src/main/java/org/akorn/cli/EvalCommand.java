package org.akorn.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.DataFolder;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.Accuracy;
import org.akorn.runtime.eval.Classifier;
import org.akorn.runtime.eval.RobustnessReport;
import org.akorn.runtime.eval.RobustnessSuite;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.train.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akorn eval model.ckpt --data DIR [--robustness]}: rebuilds the model from the checkpoint
 * alone, measures its accuracy on the data's test split and, with {@code --robustness}, runs the
 * noise, FGSM, PGD and calibration tests; writes {@code report.md} and the figures.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a checkpoint of akorn train on a data set's test split.")
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "A model.ckpt written by akorn train.")
  Path checkpoint;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder (as for akorn train).")
  Path data;

  @Option(names = "--steps", paramLabel = "T", description = "Kuramoto steps per layer (test-time extension).")
  Integer steps;

  @Option(names = "--robustness", description = "Also Gaussian noise, FGSM, PGD-20 and ECE.")
  boolean robustness;

  @Option(names = "--attack-examples", paramLabel = "N", defaultValue = "1000",
      description = "Test images for the noise and attack tests (default 1000).")
  int attackExamples;

  @Option(names = "--eot", paramLabel = "K", defaultValue = "1",
      description = "Average every attack gradient over K draws of the initial noise (default 1).")
  int eot;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "100", description = "Images per forward pass (default 100).")
  int batch;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the initial noise and the perturbations (default 0).")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Where report.md and the figures go (default: the checkpoint's folder).")
  Path out;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    if (steps != null && steps < 1 || eot < 1 || batch < 1 || attackExamples < 0) {
      throw new UserException("--steps, --eot and --batch must be at least 1, --attack-examples"
          + " not negative");
    }
    CompiledModel compiled = CompiledModel.fromCheckpoint(checkpoint, err);
    String name = compiled.spec().name();
    DataFolder.Splits splits = DataFolder.open(data, List.copyOf(compiled.inputShapes().keySet()));
    Dataset test = splits.test();
    test.checkAgainst(compiled.inputShapes());
    Path dir = out != null ? out : checkpoint.toAbsolutePath().getParent();
    RunOptions options = steps == null ? RunOptions.defaults() : RunOptions.defaults().withSteps(steps);
    long start = System.nanoTime();
    StringBuilder report = new StringBuilder("# Evaluation of " + name + "\n\n");
    report.append(String.format(Locale.ROOT, "Checkpoint `%s`, test split of `%s` (%d examples)%s.%n%n",
        checkpoint, data, test.size(), steps == null ? "" : ", T = " + steps));
    try (AkornModel model = compiled.load(checkpoint)) {
      if (!robustness) {
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
        try (NDManager m = model.manager().newSubManager()) {
          result = new RobustnessSuite(settings, err, ProgressBar.stderrIsTerminal())
              .run(name, classifier, test, m);
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
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.append(String.format(Locale.ROOT, "%nEvaluation time: %s.%n", ProgressBar.clock(seconds)));
    Path file = dir.resolve("report.md");
    AtomicFiles.writeString(file, report.toString());
    o.println("wrote " + file + " (" + ProgressBar.clock(seconds) + ")");
    o.flush();
    return 0;
  }
}
