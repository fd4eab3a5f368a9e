package org.akorn.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.nn.CellHead;
import org.akorn.runtime.nn.EmbeddingStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.ReadOuts;
import org.junit.jupiter.api.Test;

class AkornNetworkTest {

  private static AkornNetwork sudokuLike(InitialState init) {
    return AkornNetwork.builder()
        .optStem(new EmbeddingStem(10, 16))
        .optInitialState(init)
        .addStage(
            KuramotoLayer.builder()
                .setChannels(16)
                .setOscillatorDim(4)
                .setGtaAttentionConnectivity(2, 9, 9)
                .optOmega(OmegaTerm.Scope.GLOBAL, 0.1f, false)
                .optSteps(3)
                .build(),
            ReadOuts.full(16, 4, 1, FeatureNorm.NONE))
        .optHead(new CellHead(16, 9))
        .optGamma(1f, true)
        .optOutputName("logits")
        .build();
  }

  private static NDArray digits(NDManager m) {
    int[] d = new int[2 * 81];
    for (int i = 0; i < d.length; i++) {
      d[i] = (i * 7) % 10;
    }
    return m.create(d, new Shape(2, 9, 9));
  }

  private static float maxDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }

  @Test
  void seededNoiseIsReproducibleAndSeedDependent() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net = sudokuLike(InitialState.noise());
      net.initialize(m, DataType.FLOAT32, new Shape(2, 9, 9));
      ParameterStore ps = new ParameterStore(m, false);
      AkornInput in = AkornInput.of(digits(m));
      NDArray a = net.run(ps, in, RunOptions.defaults().withSeed(5)).output("logits");
      NDArray b = net.run(ps, in, RunOptions.defaults().withSeed(5)).output("logits");
      NDArray c = net.run(ps, in, RunOptions.defaults().withSeed(6)).output("logits");
      assertThat(a.getShape()).isEqualTo(new Shape(2, 9, 9, 9));
      assertThat(maxDiff(a, b)).isEqualTo(0f);
      assertThat(maxDiff(a, c)).isGreaterThan(0f);
    }
  }

  @Test
  void stepsCanBeRaisedAtCallTimeAndStatesKeptOnRequest() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net = sudokuLike(InitialState.clampedNoise());
      net.initialize(m, DataType.FLOAT32, new Shape(2, 9, 9));
      ParameterStore ps = new ParameterStore(m, false);
      AkornInput in =
          AkornInput.of(digits(m)).withMask(m.ones(new Shape(2, 9, 9, 1)).mul(0.5f).round());
      AkornResult base = net.run(ps, in, RunOptions.defaults());
      AkornResult longer =
          net.run(ps, in, RunOptions.defaults().withSteps(8).withKeepStates(true));
      assertThat(base.layers().get(0).states()).hasSize(1);
      assertThat(base.layers().get(0).energies()).hasSize(4);
      assertThat(longer.layers().get(0).states()).hasSize(8);
      assertThat(longer.layers().get(0).energies()).hasSize(9);
      assertThat(maxDiff(longer.layers().get(0).states().get(2), base.output("x_last")))
          .isEqualTo(0f);
      assertThat(AkornNetwork.energies(longer, 0).getShape()).isEqualTo(new Shape(9, 2));
      assertThat(base.outputs().keySet()).containsExactly("logits", "x_last", "c_last").inOrder();
    }
  }

  @Test
  void clampedNoiseStartsClueCellsAtTheStimulus() {
    try (NDManager m = NDManager.newBaseManager()) {
      InitialState init = InitialState.clampedNoise();
      NDArray c = InitialState.gaussian(m, new Shape(1, 4, 2, 2), 1);
      NDArray noise = InitialState.gaussian(m, new Shape(1, 4, 2, 2), 2);
      NDArray mask = m.create(new float[] {1, 0, 0, 1}, new Shape(1, 1, 2, 2));
      NDArray x = init.create(new ParameterStore(m, false), c, mask, noise, false);
      assertThat(x.get(":, :, 0, 0").toFloatArray())
          .usingExactEquality()
          .containsExactly(c.get(":, :, 0, 0").toFloatArray());
      assertThat(x.get(":, :, 0, 1").toFloatArray())
          .usingExactEquality()
          .containsExactly(noise.get(":, :, 0, 1").toFloatArray());
    }
  }

  @Test
  void forwardReturnsOutputAndLastStateAndReadOut() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net = sudokuLike(InitialState.learned(new Shape(16, 9, 9)));
      net.initialize(m, DataType.FLOAT32, new Shape(2, 9, 9));
      NDList out = net.forward(new ParameterStore(m, false), new NDList(digits(m)), false);
      assertThat(out.get(0).getName()).isEqualTo("logits");
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, 9, 9, 9));
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(2, 16, 9, 9));
      assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 9, 9)})[0])
          .isEqualTo(new Shape(2, 9, 9, 9));
    }
  }

  @Test
  void repeatedRunsLeaveNoArraysInTheModelManager() {
    try (NDManager model = NDManager.newBaseManager()) {
      AkornNetwork net = sudokuLike(InitialState.noise());
      net.initialize(model, DataType.FLOAT32, new Shape(2, 9, 9));
      ParameterStore ps = new ParameterStore(model, false);
      int before = model.getManagedArrays().size();
      for (int i = 0; i < 3; i++) {
        try (NDManager batch = model.newSubManager()) {
          AkornResult r =
              net.run(ps, AkornInput.of(digits(batch)), RunOptions.defaults().withSteps(5));
          assertThat(r.output("logits").getShape()).isEqualTo(new Shape(2, 9, 9, 9));
        }
      }
      assertThat(model.getManagedArrays().size()).isEqualTo(before);
    }
  }

  @Test
  void trainingModeBackpropagatesThroughBatchNormAndUpdatesRunningStats() {
    try (NDManager m = NDManager.newBaseManager()) {
      AkornNetwork net =
          ReferenceModels.classification(
              java.util.Map.of(
                  "ch", 8, "L", 2, "T", 2, "ksizes", java.util.List.of(3, 3), "out_classes", 3));
      net.initialize(m, DataType.FLOAT32, new Shape(2, 3, 32, 32));
      var mapping = ReferenceLayouts.classification(net);
      var runningMean = mapping.targets().get("layers.0.3.2.fn.0.running_mean").getArray();
      float before = runningMean.sum().getFloat();
      ParameterStore ps = new ParameterStore(m, false);
      NDArray image = InitialState.gaussian(m, new Shape(2, 3, 32, 32), 3).abs();
      org.akorn.runtime.nn.Gradients.zero(net);
      try (ai.djl.training.GradientCollector gc =
          ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        AkornResult r = net.run(ps, AkornInput.of(image), RunOptions.defaults().withTraining(true));
        gc.backward(r.output("logits").square().sum());
      }
      assertThat(runningMean.sum().getFloat()).isNotEqualTo(before);
      for (var e : mapping.targets().entrySet()) {
        var p = e.getValue();
        if (p.requiresGradient()) {
          float g = p.getArray().getGradient().abs().sum().getFloat();
          assertThat(Float.isFinite(g)).isTrue();
          assertThat(g).isGreaterThan(0f);
        }
      }
    }
  }

  @Test
  void builderRequiresAStage() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AkornNetwork.builder().build());
    assertThat(e).hasMessageThat().isEqualTo("an AKOrN network needs at least one stage");
  }
}
