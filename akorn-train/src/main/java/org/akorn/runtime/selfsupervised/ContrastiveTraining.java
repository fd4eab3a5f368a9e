package org.akorn.runtime.selfsupervised;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
import org.akorn.runtime.data.objects.ObjectImages;
import org.akorn.runtime.eval.segmentation.ClusteringMethod;
import org.akorn.runtime.eval.segmentation.ObjectDiscoveryEvaluation;
import org.akorn.runtime.io.AtomicFiles;
import org.akorn.runtime.train.DatasetTraining;
import org.akorn.runtime.train.HeadLoss;
import org.akorn.runtime.train.TrainingLoop;

/**
 * Self-supervised training of an object-discovery model (an {@code mlp} features head), the
 * reference's recipe: every step takes B images, two {@link SimclrAugmentation#reference} views
 * of each, and minimises the NT-Xent loss of the model's features ({@link HeadLoss}); the periodic
 * validation is FG-ARI of k-means segments of the held-out images' last read-out. Runs on the one
 * {@link TrainingLoop} and writes what {@code akorn train} writes: {@code model.ckpt}, {@code
 * train-state.ckpt}, {@code run.properties} and {@code loss.png}.
 */
public final class ContrastiveTraining {
  private ContrastiveTraining() {}

  /**
   * What happened.
   *
   * @param summary the loop's summary
   * @param validationFgAri the EMA weights' FG-ARI on the held-out images at the end (NaN
   *     without any)
   * @param liveValidationFgAri the live weights' FG-ARI on them at the end
   */
  public record Result(TrainingLoop.Summary summary, double validationFgAri,
      double liveValidationFgAri) {}

  /** Trains {@code model} in place (afterwards it holds the EMA weights). */
  public static Result run(AkornModel model, ObjectImages data, TrainingLoop.Config config,
      Path runDir, ModelSource source, Map<String, String> info, PrintWriter log,
      boolean interactive) throws IOException {
    if (model.inputNames().size() != 1) {
      throw new IllegalArgumentException(model.modelName() + " takes " + model.inputNames()
          + "; self-supervised training needs one image input");
    }
    String input = model.inputNames().get(0);
    SegmentImages size = SegmentImages.of(data);
    SimclrAugmentation augmentation = SimclrAugmentation.reference(size.side());
    SimclrPairs pairs = data.generator() != null
        ? SimclrPairs.generated(data.generator(), augmentation, config.seed())
        : SimclrPairs.of(data.training(), augmentation, config.seed());
    TrainingLoop.BatchSource batches = new TrainingLoop.BatchSource() {
      @Override
      public TrainingLoop.Batch next(NDManager manager, int images) {
        NDArray views = pairs.next(manager, images);
        NDArray unused = manager.zeros(new Shape(2L * images));
        return new TrainingLoop.Batch(Map.of(input, views), unused, images, null);
      }

      @Override
      public String unit() {
        return "images";
      }
    };
    TrainingLoop.Validation validation = data.heldOut().isEmpty() ? null
        : new TrainingLoop.Validation() {
          @Override
          public String name() {
            return "validation FG-ARI";
          }

          @Override
          public double evaluate(AkornModel m) {
            return fgAri(m, data, config.seed());
          }
        };
    TrainingLoop.Summary summary = new TrainingLoop(config, log, interactive)
        .train(model, HeadLoss.forModel(model), batches, validation, runDir, source);
    TrainingLoop.Evaluation last = summary.evaluations().isEmpty() ? null
        : summary.evaluations().get(summary.evaluations().size() - 1);
    Result result = new Result(summary, last == null ? Double.NaN : last.score(),
        last == null ? Double.NaN : last.liveScore());
    writeRunProperties(runDir.resolve("run.properties"), model, data, config, result, info);
    DatasetTraining.writeLossFigure(runDir.resolve("loss.png"), model.modelName(),
        summary.losses());
    return result;
  }

  /** FG-ARI of k-means segments of the held-out images, from the model's last read-out. */
  static double fgAri(AkornModel model, ObjectImages data, long seed) {
    return ObjectDiscoveryEvaluation.ofModel(model, data.heldOut(),
        ObjectDiscoveryEvaluation.Settings.of(ClusteringMethod.KMEANS, data.clusters()),
        RunOptions.defaults(), seed, n -> {}).scores().fgAri();
  }

  private static void writeRunProperties(Path file, AkornModel model, ObjectImages data,
      TrainingLoop.Config c, Result r, Map<String, String> info) throws IOException {
    Map<String, String> p = new LinkedHashMap<>(info);
    p.put("model", model.modelName());
    new TreeMap<>(model.hyperParameters()).forEach((k, v) -> p.put("hp." + k, v));
    p.put("objective", "simclr (NT-Xent, temperature " + NtXentLoss.DEFAULT_TEMPERATURE + ")");
    p.put("data", data.source());
    p.put("train.images", data.generator() != null ? "generated" : Integer.toString(
        data.training().size()));
    p.put("validation.images", Integer.toString(data.heldOut().size()));
    p.put("clusters", Integer.toString(data.clusters()));
    p.put("batch.images", Integer.toString(c.batchSize()));
    TrainingLoop.describe(c, p);
    p.put("seed", Long.toString(c.seed()));
    p.put("steps", Long.toString(r.summary().steps()));
    p.put("images.seen", Long.toString(r.summary().examples()));
    p.put("train.seconds", fmt(r.summary().trainSeconds()));
    p.put("validation.seconds", fmt(r.summary().evalSeconds()));
    p.put("final.loss", Float.toString(r.summary().finalLoss()));
    p.put("validation.fgari", Double.isNaN(r.validationFgAri()) ? "none" : fmt(r.validationFgAri()));
    p.put("validation.fgari.live", Double.isNaN(r.liveValidationFgAri()) ? "none"
        : fmt(r.liveValidationFgAri()));
    p.put("recoveries", Integer.toString(r.summary().recoveries()));
    StringBuilder b = new StringBuilder("# akorn training run\n");
    p.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
    AtomicFiles.writeString(file, b.toString());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** The side of the training images. */
  private record SegmentImages(int side) {
    static SegmentImages of(ObjectImages data) {
      if (data.generator() != null) {
        return new SegmentImages(data.generator().size());
      }
      return new SegmentImages(data.training().get(0).height());
    }
  }
}
