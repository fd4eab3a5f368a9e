package org.akorn.runtime.train;

import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.ModelSource;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.data.augment.Augmentations;
import org.akorn.runtime.data.augment.FloatImage;
import org.akorn.runtime.eval.Accuracy;
import org.akorn.runtime.figures.AugmentationFigure;
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
    return run(model, train, validationExamples, config, Options.DEFAULT, runDir, source, info,
        log, interactive);
  }

  /**
   * Choices beyond the loop's settings.
   *
   * @param augmentation what happens to the training images
   * @param reestimationBatches training batches on which the EMA weights' batch-norm statistics
   *     are re-estimated at the end (0: none; {@link TrainingLoop#withBatchNormReestimation})
   */
  public record Options(Augmentations augmentation, int reestimationBatches) {
    /** No augmentation, no re-estimation. */
    public static final Options DEFAULT = new Options(Augmentations.NONE, 0);

    public Options {
      if (augmentation == null || reestimationBatches < 0) {
        throw new IllegalArgumentException("give an augmentation and a non-negative number of"
            + " re-estimation batches");
      }
    }
  }

  /**
   * As {@link #run(AkornModel, Dataset, int, TrainingLoop.Config, Path, ModelSource, Map,
   * PrintWriter, boolean)}, with options: the training images augmented (the held-out ones are
   * not; the run folder also gets {@code augment-samples.png}, six training images and seven
   * augmentations of each), the EMA weights' batch-norm statistics re-estimated at the end.
   *
   * @throws IllegalArgumentException when augmenting a model without exactly one image input
   *     {@code [1 or 3, H, W]}
   */
  public static Result run(AkornModel model, Dataset train, int validationExamples,
      TrainingLoop.Config config, Options options, Path runDir, ModelSource source,
      Map<String, String> info, PrintWriter log, boolean interactive) throws IOException {
    Augmentations augmentation = options.augmentation();
    int held = Math.min(validationExamples, train.size() - 1);
    Dataset fit = train.slice(0, train.size() - held);
    Dataset validation = held > 0 ? train.slice(train.size() - held, train.size()) : null;
    DatasetBatches shuffled = new DatasetBatches(fit, config.seed(), "examples");
    TrainingLoop.BatchSource batches = shuffled;
    if (augmentation != Augmentations.NONE) {
      Column images = imageColumn(fit, model.modelName());
      batches = new AugmentedBatches(shuffled, images.name(), augmentation, config.seed() + 7);
      writeSamples(runDir.resolve(SAMPLES_FIGURE), images, augmentation, config.seed());
    }
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
        .withBatchNormReestimation(options.reestimationBatches())
        .train(model, HeadLoss.forModel(model), batches, accuracy, runDir, source);
    TrainingLoop.Evaluation last = summary.evaluations().isEmpty() ? null
        : summary.evaluations().get(summary.evaluations().size() - 1);
    Result result = new Result(summary, shuffled.epochs(),
        last == null ? Double.NaN : last.score(), last == null ? Double.NaN : last.liveScore());
    Map<String, String> described = new LinkedHashMap<>(info);
    described.put("augment", augmentation.describe());
    described.put("bn.reestimation.batches", Integer.toString(options.reestimationBatches()));
    writeRunProperties(runDir.resolve("run.properties"), model, config, fit, held, result,
        described);
    writeLossFigure(runDir.resolve("loss.png"), model.modelName(), summary.losses());
    return result;
  }

  /** The figure of augmented training images in the run folder. */
  public static final String SAMPLES_FIGURE = "augment-samples.png";

  private static Column imageColumn(Dataset data, String model) {
    if (data.inputs().size() == 1) {
      Column c = data.inputs().get(0);
      Shape s = c.exampleShape();
      if (s.dimension() == 3 && (s.get(0) == 1 || s.get(0) == 3)) {
        return c;
      }
    }
    throw new IllegalArgumentException("augmentation needs one image input [1 or 3, H, W]; "
        + model + " takes " + data.inputs().stream()
            .map(c -> c.name() + " " + c.exampleShape()).toList());
  }

  private static void writeSamples(Path file, Column images, Augmentations augmentation,
      long seed) throws IOException {
    Shape s = images.exampleShape();
    int per = (int) s.size();
    List<FloatImage> first = new ArrayList<>();
    for (int i = 0; i < Math.min(6, images.size()); i++) {
      float[] v = new float[per];
      System.arraycopy(images.values(), i * per, v, 0, per);
      first.add(new FloatImage((int) s.get(0), (int) s.get(1), (int) s.get(2), v));
    }
    int scale = Math.max(1, 96 / (int) Math.max(s.get(1), s.get(2)));
    AugmentationFigure.write(file, first, augmentation, 7, seed, scale);
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
    double before = r.summary().scoreBeforeReestimation();
    if (!Double.isNaN(before)) {
      p.put("validation.accuracy.before_bn_reestimation", fmt(before));
    }
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
