package org.akorn.runtime.eval.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.objects.SegmentedImage;

/**
 * Object discovery scored against ground truth: features per patch from a model, clustered per
 * image ({@link FeatureSegmenter}), upsampled to the image, then FG-ARI and MBO ({@link
 * SegmentationScores}); and the pixel baseline the same way.
 */
public final class ObjectDiscoveryEvaluation {

  /**
   * How to segment.
   *
   * @param method k-means or agglomerative
   * @param clusters k: the reference uses objects + 1 (4 for Tetrominoes)
   * @param batch images per forward pass
   * @param seed k-means seeding
   */
  public record Settings(ClusteringMethod method, int clusters, int batch, long seed) {
    public Settings {
      if (clusters < 1 || batch < 1) {
        throw new IllegalArgumentException(
            "clusters and batch must be positive, got " + clusters + " and " + batch);
      }
    }

    /** {@code method} with {@code clusters} clusters, 50 images per pass, k-means seed 0. */
    public static Settings of(ClusteringMethod method, int clusters) {
      return new Settings(method, clusters, 50, 0);
    }
  }

  /**
   * How far the initial oscillators' seed in {@link #ofModel} lies from the data seed: the
   * generated held-out images come from {@code seed + 1,000,003}, the noise from {@code seed + 99}.
   */
  public static final long NOISE_SEED_OFFSET = 99;

  /**
   * Scores with the predictions they came from.
   *
   * @param scores mean FG-ARI and MBO
   * @param predicted per image, the segment of every pixel
   */
  public record Result(SegmentationScores scores, List<int[]> predicted) {}

  private ObjectDiscoveryEvaluation() {}

  /**
   * A model's object discovery as the reference evaluates it: its last read-out per patch
   * ({@link FeatureExtractor#lastReadOut}) with the initial oscillators drawn from {@code seed +}
   * {@value #NOISE_SEED_OFFSET}, segmented and scored. Validation during self-supervised training,
   * {@code akorn eval} and the object-discovery demo all score through here, so with the same
   * seed they see the same images with the same noise.
   *
   * @param options run options (e.g. more Kuramoto steps); their seed is replaced
   * @param progress told the number of images done after each batch
   */
  public static Result ofModel(AkornModel model, List<SegmentedImage> images, Settings settings,
      RunOptions options, long seed, IntConsumer progress) {
    FeatureExtractor features =
        FeatureExtractor.lastReadOut(model, options.withSeed(seed + NOISE_SEED_OFFSET));
    return evaluate(images, features, settings, model.manager(), progress);
  }

  /**
   * Segments every image from the extractor's features and scores the segments.
   *
   * @param progress told the number of images done after each batch
   */
  public static Result evaluate(List<SegmentedImage> images, FeatureExtractor extractor,
      Settings settings, NDManager manager, IntConsumer progress) {
    List<int[]> predicted = new ArrayList<>(images.size());
    for (int start = 0; start < images.size(); start += settings.batch()) {
      List<SegmentedImage> batch =
          images.subList(start, Math.min(images.size(), start + settings.batch()));
      try (NDManager scope = manager.newSubManager()) {
        NDArray features = extractor.extract(batchArray(batch, scope));
        Shape s = features.getShape();
        if (s.dimension() != 4 || s.get(0) != batch.size()) {
          throw new IllegalArgumentException(
              "features must be [" + batch.size() + ", C, h, w], got " + s);
        }
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        float[] all = features.toType(DataType.FLOAT32, false).toFloatArray();
        features.close();
        int per = c * h * w;
        for (int i = 0; i < batch.size(); i++) {
          float[] one = new float[per];
          System.arraycopy(all, i * per, one, 0, per);
          SegmentedImage image = batch.get(i);
          predicted.add(FeatureSegmenter.segment(one, c, h, w, settings.method(),
              settings.clusters(), image.height(), image.width(), settings.seed()));
        }
      }
      progress.accept(predicted.size());
    }
    return new Result(score(images, predicted), List.copyOf(predicted));
  }

  /** The pixel baseline ({@link PixelBaseline}) with k = {@code settings.clusters()}. */
  public static Result pixelBaseline(List<SegmentedImage> images, Settings settings) {
    List<int[]> predicted = new ArrayList<>(images.size());
    for (SegmentedImage image : images) {
      predicted.add(PixelBaseline.segment(image, settings.clusters(), settings.seed()));
    }
    return new Result(score(images, predicted), List.copyOf(predicted));
  }

  /** Images as one array {@code [B, 3, H, W]}; every image must have the first one's size. */
  public static NDArray batchArray(List<SegmentedImage> images, NDManager manager) {
    SegmentedImage first = images.get(0);
    int per = first.rgb().length;
    float[] data = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      SegmentedImage image = images.get(i);
      if (image.height() != first.height() || image.width() != first.width()) {
        throw new IllegalArgumentException("image " + i + " is " + image.height() + "x"
            + image.width() + ", the first " + first.height() + "x" + first.width());
      }
      System.arraycopy(image.rgb(), 0, data, i * per, per);
    }
    return manager.create(data, new Shape(images.size(), 3, first.height(), first.width()));
  }

  private static SegmentationScores score(List<SegmentedImage> images, List<int[]> predicted) {
    List<int[]> truth = new ArrayList<>(images.size());
    for (SegmentedImage image : images) {
      truth.add(image.mask());
    }
    return SegmentationScores.of(truth, predicted);
  }
}
