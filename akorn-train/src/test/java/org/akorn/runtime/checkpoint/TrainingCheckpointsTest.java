package org.akorn.runtime.checkpoint;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.train.AdamOptimizer;
import org.akorn.runtime.train.BlockTrainer;
import org.akorn.runtime.train.TrainingLoss;
import org.akorn.runtime.train.WeightEma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training checkpoints: EMA and Adam state saved, restored and resumed exactly. */
class TrainingCheckpointsTest {

  private static final String ARCH = "tiny-conv";
  private static final Map<String, String> HP = Map.of("filters", "4", "classes", "10");

  @TempDir Path dir;

  @Test
  void saveThenLoadReproducesOutputsAndEmaBitForBit() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Block trained = net(m, 4, 1);
      Path file = dir.resolve("model.akornckpt");
      NDArray probe = m.randomNormal(new Shape(2, 1, 8, 8));
      float[] expected;
      float[] expectedEma;
      try (BlockTrainer trainer =
          BlockTrainer.builder(trained, TrainingLoss.of(Loss.softmaxCrossEntropyLoss()))
              .optAdam(AdamOptimizer.builder().optLearningRate(1e-2))
              .optEmaDecay(0.9)
              .build(m)) {
        for (int i = 0; i < 5; i++) {
          trainer.step(new NDList(m.randomNormal(new Shape(2, 1, 8, 8))),
              new NDList(m.create(new float[] {1f, 7f})));
        }
        WeightEma ema = trainer.ema().orElseThrow();
        TrainingCheckpoints.save(file, trained, CheckpointMetadata.of(ARCH, HP, trainer.stepCount()), ema);
        expected = output(trained, probe);
        expectedEma = ema.withAverages(() -> output(trained, probe));
      }

      Block fresh = net(m, 4, 99);
      try (WeightEma freshEma = new WeightEma(fresh, 0.9f, m)) {
        assertThat(output(fresh, probe)).isNotEqualTo(expected);
        CheckpointMetadata meta = TrainingCheckpoints.load(file, fresh, ARCH, HP, freshEma);
        assertThat(meta).isEqualTo(CheckpointMetadata.of(ARCH, HP, 5));
        assertThat(output(fresh, probe)).isEqualTo(expected);
        assertThat(freshEma.withAverages(() -> output(fresh, probe))).isEqualTo(expectedEma);
      }
      assertThat(Checkpoints.readMetadata(file)).isEqualTo(CheckpointMetadata.of(ARCH, HP, 5));
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()).toList())
            .containsExactly("model.akornckpt");
      }
    }
  }

  @Test
  void resumeContinuesTrainingExactlyAsWithoutInterruption() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("resume.akornckpt");
      Block original = net(m, 4, 1);
      List<float[]> uninterrupted;
      List<float[]> uninterruptedEma;
      try (BlockTrainer trainer = trainer(original, m)) {
        for (int step = 0; step < 5; step++) {
          step(trainer, m, step);
        }
        TrainingCheckpoints.save(file, trainer, CheckpointMetadata.of(ARCH, HP, 0));
        for (int step = 5; step < 8; step++) {
          step(trainer, m, step);
        }
        uninterrupted = snapshot(original);
        uninterruptedEma = trainer.ema().orElseThrow().withAverages(() -> snapshot(original));
      }
      Block restarted = net(m, 4, 2);
      try (BlockTrainer trainer = trainer(restarted, m)) {
        CheckpointMetadata meta = TrainingCheckpoints.resume(file, trainer, ARCH, HP);
        assertThat(meta.step()).isEqualTo(5);
        assertThat(trainer.stepCount()).isEqualTo(5);
        assertThat(trainer.optimizer().stepCount("01Conv2d_weight")).isEqualTo(5);
        for (int step = 5; step < 8; step++) {
          step(trainer, m, step);
        }
        assertEqualArrays(
            trainer.ema().orElseThrow().withAverages(() -> snapshot(restarted)), uninterruptedEma);
        assertUnchanged(restarted, uninterrupted);
      }
    }
  }

  private static BlockTrainer trainer(Block block, NDManager m) {
    return BlockTrainer.builder(block, TrainingLoss.of(Loss.softmaxCrossEntropyLoss()))
        .optAdam(AdamOptimizer.builder().optLearningRate(1e-2))
        .optClipNorm(1f)
        .optEmaDecay(0.9)
        .build(m);
  }

  private static void step(BlockTrainer trainer, NDManager m, int step) {
    try (NDManager batch = m.newSubManager()) {
      NDArray x = batch.arange(0f, 128f).reshape(2, 1, 8, 8).mul(0.1f + step).sin();
      trainer.step(new NDList(x), new NDList(batch.create(new float[] {step % 10, 3f})));
    }
  }

  @Test
  void theInferenceReaderLoadsTheWeightsOfATrainingCheckpoint() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("state.akornckpt");
      Block trained = net(m, 4, 1);
      List<float[]> weights;
      try (BlockTrainer trainer = trainer(trained, m)) {
        for (int step = 0; step < 3; step++) {
          step(trainer, m, step);
        }
        TrainingCheckpoints.save(file, trainer, CheckpointMetadata.of(ARCH, HP, 0));
        weights = snapshot(trained);
      }
      Block fresh = net(m, 4, 2);

      CheckpointMetadata meta = Checkpoints.load(file, fresh, ARCH, HP);

      assertThat(meta).isEqualTo(CheckpointMetadata.of(ARCH, HP, 3));
      assertEqualArrays(snapshot(fresh), weights);
    }
  }

  /** Conv(filters) -> BatchNorm -> ReLU -> flatten -> Linear(10), for [B, 1, 8, 8]. */
  private static Block net(NDManager m, int filters, int seed) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1)).build())
            .add(BatchNorm.builder().build())
            .add(Activation::relu)
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(10).build());
    m.getEngine().setRandomSeed(seed);
    net.initialize(m, DataType.FLOAT32, new Shape(2, 1, 8, 8));
    return net;
  }

  private static float[] output(Block block, NDArray input) {
    try (NDManager sub = input.getManager().newSubManager()) {
      NDArray copy = input.duplicate();
      copy.attach(sub);
      return block.forward(new ParameterStore(sub, false), new NDList(copy), false)
          .singletonOrThrow().toFloatArray();
    }
  }

  private static List<float[]> snapshot(Block block) {
    List<float[]> out = new ArrayList<>();
    block.getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
    return out;
  }

  private static void assertUnchanged(Block block, List<float[]> before) {
    assertEqualArrays(snapshot(block), before);
  }

  private static void assertEqualArrays(List<float[]> after, List<float[]> before) {
    assertThat(after).hasSize(before.size());
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i)).isEqualTo(before.get(i));
    }
  }
}
