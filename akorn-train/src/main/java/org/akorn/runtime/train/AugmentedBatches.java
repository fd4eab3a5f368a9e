package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.akorn.runtime.data.augment.FloatImage;
import org.akorn.runtime.data.augment.ImageAugmentation;

/**
 * Batches of another source with one image input ({@code [B, C, H, W]} in [0, 1]) augmented
 * example by example. Every example draws from its own generator, split off one seeded
 * generator in order, so a seed fixes every augmented batch.
 */
public final class AugmentedBatches implements TrainingLoop.BatchSource {
  private final TrainingLoop.BatchSource source;
  private final String input;
  private final ImageAugmentation augmentation;
  private final SplittableRandom random;

  /**
   * @param input the name of the image input to augment
   */
  public AugmentedBatches(TrainingLoop.BatchSource source, String input,
      ImageAugmentation augmentation, long seed) {
    this.source = source;
    this.input = input;
    this.augmentation = augmentation;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public TrainingLoop.Batch next(NDManager manager, int size) {
    TrainingLoop.Batch batch = source.next(manager, size);
    NDArray images = batch.inputs().get(input);
    if (images == null) {
      throw new IllegalArgumentException("no input named " + input + " to augment");
    }
    Shape shape = images.getShape();
    if (shape.dimension() != 4) {
      throw new IllegalArgumentException("augmentation needs images [B, C, H, W], " + input
          + " is " + shape);
    }
    int c = (int) shape.get(1);
    int h = (int) shape.get(2);
    int w = (int) shape.get(3);
    int per = c * h * w;
    float[] values = images.toFloatArray();
    float[] out = new float[values.length];
    for (int b = 0; b < shape.get(0); b++) {
      float[] one = new float[per];
      System.arraycopy(values, b * per, one, 0, per);
      FloatImage augmented = augmentation.apply(new FloatImage(c, h, w, one), random.split());
      System.arraycopy(augmented.values(), 0, out, b * per, per);
    }
    Map<String, NDArray> inputs = new LinkedHashMap<>(batch.inputs());
    inputs.put(input, manager.create(out, shape));
    images.close();
    return new TrainingLoop.Batch(inputs, batch.labels(), batch.examples(), batch.steps());
  }

  @Override
  public String unit() {
    return source.unit();
  }
}
