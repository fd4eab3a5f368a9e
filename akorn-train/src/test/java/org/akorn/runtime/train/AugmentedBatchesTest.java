package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.akorn.runtime.data.augment.FloatImage;
import org.akorn.runtime.data.augment.ImageAugmentation;
import org.akorn.runtime.data.augment.ImageOps;
import org.junit.jupiter.api.Test;

class AugmentedBatchesTest {

  /** Two 1x2x2 images, 0.1..0.4 and 0.5..0.8, labels 0 and 1, and an extra input left alone. */
  private static final TrainingLoop.BatchSource TWO_IMAGES = (manager, size) -> {
    NDArray images = manager.create(
        new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f}, new Shape(2, 1, 2, 2));
    NDArray other = manager.create(new float[] {7f, 8f}, new Shape(2, 1));
    return new TrainingLoop.Batch(Map.of("image", images, "other", other),
        manager.create(new float[] {0f, 1f}), 2, 3);
  };

  @Test
  void augmentsEveryImageWithItsOwnSplitGenerator() {
    // The augmentation records the generator's first draw as a brightness factor in [0.5, 1.5).
    ImageAugmentation augmentation =
        (img, random) -> ImageOps.brightness(img, 0.5 + random.nextDouble());
    SplittableRandom expected = new SplittableRandom(5);
    double first = 0.5 + expected.split().nextDouble();
    double second = 0.5 + expected.split().nextDouble();
    try (NDManager m = NDManager.newBaseManager()) {
      AugmentedBatches batches = new AugmentedBatches(TWO_IMAGES, "image", augmentation, 5);
      TrainingLoop.Batch batch = batches.next(m, 2);
      float[] got = batch.inputs().get("image").toFloatArray();
      FloatImage a = ImageOps.brightness(new FloatImage(1, 2, 2,
          new float[] {0.1f, 0.2f, 0.3f, 0.4f}), first);
      FloatImage b = ImageOps.brightness(new FloatImage(1, 2, 2,
          new float[] {0.5f, 0.6f, 0.7f, 0.8f}), second);
      for (int i = 0; i < 4; i++) {
        assertThat(got[i]).isEqualTo(a.values()[i]);
        assertThat(got[4 + i]).isEqualTo(b.values()[i]);
      }
      assertThat(batch.inputs().get("image").getShape()).isEqualTo(new Shape(2, 1, 2, 2));
      assertThat(batch.inputs().get("other").toFloatArray())
          .usingExactEquality().containsExactly(7f, 8f).inOrder();
      assertThat(batch.labels().toFloatArray())
          .usingExactEquality().containsExactly(0f, 1f).inOrder();
      assertThat(batch.steps()).isEqualTo(3);
      // the next batch draws on: new factors
      float[] again = batches.next(m, 2).inputs().get("image").toFloatArray();
      assertThat(again).isNotEqualTo(got);
      // the same seed repeats the sequence
      float[] repeat = new AugmentedBatches(TWO_IMAGES, "image", augmentation, 5).next(m, 2)
          .inputs().get("image").toFloatArray();
      assertThat(repeat).isEqualTo(got);
    }
  }
}
