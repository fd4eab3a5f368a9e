package org.akorn.runtime.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.ModelSource;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.eval.Accuracy;
import org.akorn.runtime.figures.LineChart;
import org.akorn.runtime.io.AtomicFiles;

/**
 * Supervised training of a model on a labelled data set, the job behind {@code akorn train} and
 * the demos: the last {@code validationExamples} of the training split are held out for the
 * periodic validation accuracy (of the EMA and of the live weights), the rest is shuffled epoch by epoch into
 * batches for the {@link TrainingLoop}, with the loss of the model's head. Writes {@code
 * model.ckpt}, {@code train-state.ckpt}, {@code run.properties} and {@code loss.png} into the run
 * folder.
 */
public final class DatasetTraining {
  private DatasetTraining() {}

  /**
   * What happened.
   *
   * @param summary the loop's summary
   * @param epochs epochs started
   * @param validationAccuracy the EMA weights' accuracy on the held-out examples at the end (NaN
   *     without any); these weights are the ones the model holds afterwards
   * @param liveValidationAccuracy the live weights' accuracy on them at the end
   */
  public record Result(TrainingLoop.Summary summary, int epochs, double validationAccuracy,
      double liveValidationAccuracy) {}

  /**
   * Trains {@code model} in place (afterwards it holds the EMA weights).
   *
   * @param validationExamples examples held out from the end of {@code train} (0 = none)
   * @param source the model's source for self-describing checkpoints (may be null)
   * @param info extra lines for {@code run.properties} (e.g. the data folder), in order
   */
  public static Result run(AkornModel model, Dataset train, int validationExamples,
      TrainingLoop.Config config, Path runDir, ModelSource source, Map<String, String> info,
      PrintWriter log, boolean interactive) throws IOException {
    int held = Math.min(validationExamples, train.size() - 1);
    Dataset fit = train.slice(0, train.size() - held);
    Dataset validation = held > 0 ? train.slice(train.size() - held, train.size()) : null;
    DatasetBatches batches = new DatasetBatches(fit, config.seed(), "examples");
    int evalBatch = Math.max(config.batchSize(), 100);
    TrainingLoop.Validation accuracy = validation == null ? null : new TrainingLoop.Validation() {
      @Override
      public String name() {
        return "validation accuracy";
      }

      @Override
      public double evaluate(AkornModel m) {
        return Accuracy.of(m, validation, evalBatch,
            RunOptions.defaults().withSeed(config.seed() + 99));
      }
    };
    TrainingLoop.Summary summary = new TrainingLoop(config, log, interactive)
        .train(model, HeadLoss.forModel(model), batches, accuracy, runDir, source);
    TrainingLoop.Evaluation last = summary.evaluations().isEmpty() ? null
        : summary.evaluations().get(summary.evaluations().size() - 1);
    Result result = new Result(summary, batches.epochs(),
        last == null ? Double.NaN : last.score(), last == null ? Double.NaN : last.liveScore());
    writeRunProperties(runDir.resolve("run.properties"), model, config, fit, held, result, info);
    writeLossFigure(runDir.resolve("loss.png"), model.modelName(), summary.losses());
    return result;
  }

  private static void writeRunProperties(Path file, AkornModel model, TrainingLoop.Config c,
      Dataset fit, int held, Result r, Map<String, String> info) throws IOException {
    Map<String, String> p = new LinkedHashMap<>(info);
    p.put("model", model.modelName());
    new TreeMap<>(model.hyperParameters()).forEach((k, v) -> p.put("hp." + k, v));
    p.put("train.examples", Integer.toString(fit.size()));
    p.put("validation.examples", Integer.toString(held));
    p.put("batch", Integer.toString(c.batchSize()));
    TrainingLoop.describe(c, p);
    p.put("seed", Long.toString(c.seed()));
    p.put("budget.minutes", c.seconds() > 0 ? fmt(c.seconds() / 60) : "none");
    p.put("budget.steps", c.maxSteps() > 0 ? Long.toString(c.maxSteps()) : "none");
    p.put("steps", Long.toString(r.summary().steps()));
    p.put("examples.seen", Long.toString(r.summary().examples()));
    p.put("epochs.started", Integer.toString(r.epochs()));
    p.put("train.seconds", fmt(r.summary().trainSeconds()));
    p.put("validation.seconds", fmt(r.summary().evalSeconds()));
    p.put("final.loss", Float.toString(r.summary().finalLoss()));
    p.put("validation.accuracy", Double.isNaN(r.validationAccuracy()) ? "none"
        : fmt(r.validationAccuracy()));
    p.put("validation.accuracy.live", Double.isNaN(r.liveValidationAccuracy()) ? "none"
        : fmt(r.liveValidationAccuracy()));
    p.put("recoveries", Integer.toString(r.summary().recoveries()));
    StringBuilder b = new StringBuilder("# akorn training run\n");
    p.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    AtomicFiles.writeString(file, b.toString());
  }

  /** The loss per step and its running mean over 50 steps. */
  public static void writeLossFigure(Path file, String model, float[] losses) throws IOException {
    if (losses.length == 0) {
      return;
    }
    double[] raw = new double[losses.length];
    double[] mean = new double[losses.length];
    double sum = 0;
    for (int i = 0; i < losses.length; i++) {
      raw[i] = losses[i];
      sum += losses[i] - (i >= 50 ? losses[i - 50] : 0);
      mean[i] = sum / Math.min(i + 1, 50);
    }
    new LineChart("Training loss, " + model, "step", "loss")
        .optFirstX(1)
        .add("loss", raw)
        .add("mean of 50 steps", mean)
        .writePng(file);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
