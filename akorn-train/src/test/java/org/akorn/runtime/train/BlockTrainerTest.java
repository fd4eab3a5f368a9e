package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import ai.djl.training.dataset.ArrayDataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTrainerTest {

  private static final int BATCH = 8;

  @Test
  void threeHundredStepsLeaveTheNumberOfOpenArraysUnchanged() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = TinyModels.convNet(m, 7, BATCH);
      try (BlockTrainer trainer =
          BlockTrainer.builder(net, TrainingLoss.of(Loss.softmaxCrossEntropyLoss()))
              .optAdam(AdamOptimizer.builder().optLearningRate(1e-2f))
              .optClipNorm(1f)
              .optEmaDecay(0.99f)
              .build(m)) {
        int afterTen = -1;
        float first = 0f;
        float last = 0f;
        for (int step = 1; step <= 300; step++) {
          try (NDManager batch = m.newSubManager()) {
            NDList inputs = new NDList(fixedImages(batch));
            NDList labels = new NDList(batch.arange(0f, BATCH));
            float loss = trainer.step(inputs, labels);
            if (step == 1) {
              first = loss;
            }
            last = loss;
          }
          if (step == 10) {
            afterTen = NativeArrays.open();
          }
        }
        assertThat(NativeArrays.open()).isEqualTo(afterTen);
        assertThat(trainer.stepCount()).isEqualTo(300);
        assertThat(last).isLessThan(first / 100);
      }
    }
  }

  @Test
  void trainsWithTheModelsManagerCapped() {
    try (NDManager model = NDManager.newBaseManager();
        NDManager data = NDManager.newBaseManager()) {
      Block net = TinyModels.convNet(model, 5, BATCH);
      try (BlockTrainer trainer =
          BlockTrainer.builder(net, TrainingLoss.of(Loss.softmaxCrossEntropyLoss()))
              .optClipNorm(1f)
              .optEmaDecay(0.9)
              .build(model)) {
        trainer.step(new NDList(fixedImages(data)), new NDList(data.arange(0f, BATCH)));
        int modelArrays = model.getManagedArrays().size();
        model.cap();
        for (int step = 0; step < 20; step++) {
          try (NDManager batch = data.newSubManager()) {
            trainer.step(new NDList(fixedImages(batch)), new NDList(batch.arange(0f, BATCH)));
          }
        }
        assertThat(model.getManagedArrays()).hasSize(modelArrays);
        assertThat(trainer.stepCount()).isEqualTo(21);
      }
    }
  }

  @Test
  void stepZeroesGradientsClipsAndAppliesAdam() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block linear = TinyModels.linear(m, 2, 1);
      NDArray weight = linear.getParameters().get("weight").getArray();
      BlockParameters.copyInto(weight, m.create(new float[][] {{0.5f, -0.5f}}));
      // loss = sum(x . w) -> dL/dw = x = (3, 4): global norm 5, clipped to 1 -> (0.6, 0.8)
      TrainingLoss sum = (predictions, labels) -> predictions.singletonOrThrow().sum();
      try (BlockTrainer trainer =
          BlockTrainer.builder(linear, sum)
              .optAdam(AdamOptimizer.builder().optLearningRate(0.1f))
              .optClipNorm(1f)
              .build(m)) {
        NDList x = new NDList(m.create(new float[][] {{3f, 4f}}));
        float loss = trainer.step(x, new NDList());
        assertThat(loss).isEqualTo(-0.5f);
        assertThat(trainer.lastGradientNorm()).isEqualTo(5f);
        try (NDArray grad = weight.getGradient()) {
          float c = 1f / (5f + 1e-6f);
          assertThat(grad.toFloatArray()).usingExactEquality()
              .containsExactly(3f * c, 4f * c).inOrder();
        }
        // Adam's first step moves by lr * g / (|g| + eps) ~ lr per element.
        float[] w = weight.toFloatArray();
        assertThat((double) w[0]).isWithin(1e-6).of(0.4);
        assertThat((double) w[1]).isWithin(1e-6).of(-0.6);
        // Second step: had gradients accumulated, the norm would be ~5.6, not 5.
        trainer.step(x, new NDList());
        assertThat(trainer.lastGradientNorm()).isEqualTo(5f);
      }
    }
  }

  @Test
  void rejectsANonScalarLossWithoutChangingTheWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block linear = TinyModels.linear(m, 2, 3);
      NDArray weight = linear.getParameters().get("weight").getArray();
      float[] before = weight.toFloatArray();
      try (BlockTrainer trainer =
          BlockTrainer.builder(linear, (p, l) -> p.singletonOrThrow()).build(m)) {
        int open = NativeArrays.open();
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class,
                () -> trainer.step(new NDList(m.ones(new Shape(1, 2))), new NDList()));
        assertThat(e).hasMessageThat().isEqualTo("the loss must have one element, got shape (1, 3)");
        assertThat(weight.toFloatArray()).isEqualTo(before);
        assertThat(trainer.stepCount()).isEqualTo(0);
        assertThat(NativeArrays.open()).isEqualTo(open + 1); // only the caller's input remains
      }
    }
  }

  @Test
  void trainEpochStepsThroughADatasetAndClosesEachBatch() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = TinyModels.convNet(m, 11, 2);
      ArrayDataset dataset =
          new ArrayDataset.Builder()
              .setData(fixedImages(m))
              .optLabels(m.arange(0f, BATCH))
              .setSampling(2, false)
              .build();
      List<Long> steps = new ArrayList<>();
      List<Float> losses = new ArrayList<>();
      try (BlockTrainer trainer =
          BlockTrainer.builder(net, TrainingLoss.of(Loss.softmaxCrossEntropyLoss()))
              .optClipNorm(5f)
              .build(m)) {
        int open = NativeArrays.open();
        float mean =
            trainer.trainEpoch(dataset.getData(m), (step, loss, norm) -> {
              steps.add(step);
              losses.add(loss);
              assertThat(norm).isGreaterThan(0f);
            });
        assertThat(steps).containsExactly(1L, 2L, 3L, 4L).inOrder();
        double expected = 0;
        for (float l : losses) {
          expected += l;
        }
        assertThat(mean).isEqualTo((float) (expected / 4));
        assertThat(NativeArrays.open()).isEqualTo(open);
      }
    }
  }

  @Test
  void refusesAnUninitialisedBlock() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block raw = ai.djl.nn.core.Linear.builder().setUnits(1).build();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> BlockTrainer.builder(raw, (p, l) -> p.head()).build(m));
      assertThat(e).hasMessageThat().isEqualTo("initialise the block before training it");
    }
  }

  /** A fixed batch of distinct smooth images; image i has label i. */
  @Test
  void emaCountsTheTrainersStepsAlsoFromARestoredStart() {
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = TinyModels.convNet(m, 3, BATCH);
      try (BlockTrainer trainer =
          BlockTrainer.builder(net, TrainingLoss.of(Loss.softmaxCrossEntropyLoss()))
              .optEma(EmaSettings.of(0.99, 200, 10))
              .optStartStep(209)
              .build(m)) {
        WeightEma ema = trainer.ema().orElseThrow();
        assertThat(ema.step()).isEqualTo(209);
        assertThat(ema.nextDecay()).isEqualTo(0.0);
        trainer.step(new NDList(fixedImages(m)), new NDList(m.arange(0f, BATCH)));
        assertThat(ema.step()).isEqualTo(210);
        assertThat(ema.nextDecay()).isWithin(1e-7).of(1 - Math.pow(11, -2.0 / 3));
        trainer.restoreStepCount(5);
        assertThat(ema.step()).isEqualTo(5);
      }
    }
  }

  private static NDArray fixedImages(NDManager m) {
    return m.arange(0f, BATCH * 64f).reshape(new Shape(BATCH, 1, 8, 8)).mul(0.37f).sin();
  }
}
