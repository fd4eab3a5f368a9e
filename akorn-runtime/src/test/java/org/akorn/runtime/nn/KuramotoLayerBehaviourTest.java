package org.akorn.runtime.nn;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

class KuramotoLayerBehaviourTest {
  private static final Shape SHAPE = new Shape(2, 8, 5, 5);

  private static KuramotoLayer layer(NDManager m, KuramotoLayer.Builder b) {
    KuramotoLayer l = b.build();
    l.initialize(m, DataType.FLOAT32, SHAPE, SHAPE);
    return l;
  }

  private static KuramotoLayer.Builder conv() {
    return KuramotoLayer.builder()
        .setChannels(8)
        .setOscillatorDim(4)
        .setConvConnectivity(3)
        .optOmega(OmegaTerm.Scope.GLOBAL, 0.5f, true)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optSteps(3);
  }

  private static float maxDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }

  @Test
  void moreStepsAtCallTimeExtendTheSameTrajectory() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer l = layer(m, conv());
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x0 = InitialState.gaussian(m, SHAPE, 1);
      NDArray c = InitialState.gaussian(m, SHAPE, 2);
      KuramotoResult shortRun = l.run(ps, x0, c, false);
      KuramotoResult longRun = l.run(ps, x0, c, 7, null, true, false);
      assertThat(shortRun.steps()).isEqualTo(3);
      assertThat(longRun.steps()).isEqualTo(7);
      assertThat(longRun.states()).hasSize(7);
      assertThat(longRun.energies()).hasSize(8);
      for (int t = 0; t < 3; t++) {
        assertThat(maxDiff(longRun.states().get(t), shortRun.states().get(t))).isEqualTo(0f);
        assertThat(maxDiff(longRun.energies().get(t + 1), shortRun.energies().get(t + 1)))
            .isEqualTo(0f);
      }
      assertThat(longRun.energies().get(0).toFloatArray()).usingExactEquality().containsExactly(0f, 0f);
    }
  }

  @Test
  void keepStatesSwitchReturnsOnlyTheLastStateButEveryEnergy() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer l = layer(m, conv());
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x0 = InitialState.gaussian(m, SHAPE, 3);
      NDArray c = InitialState.gaussian(m, SHAPE, 4);
      KuramotoResult all = l.run(ps, x0, c, 5, null, true, false);
      KuramotoResult last = l.run(ps, x0, c, 5, null, false, false);
      assertThat(all.states()).hasSize(5);
      assertThat(last.states()).hasSize(1);
      assertThat(last.energies()).hasSize(6);
      assertThat(maxDiff(last.last(), all.last())).isEqualTo(0f);
      for (int t = 0; t <= 5; t++) {
        assertThat(maxDiff(last.energies().get(t), all.energies().get(t))).isEqualTo(0f);
      }
    }
  }

  @Test
  void statesStayOnTheSphere() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer l = layer(m, conv());
      KuramotoResult r =
          l.run(
              new ParameterStore(m, false),
              InitialState.gaussian(m, SHAPE, 5),
              InitialState.gaussian(m, SHAPE, 6),
              false);
      NDArray norms = r.last().reshape(2, 2, 4, 5, 5).square().sum(new int[] {2}).sqrt();
      assertThat(norms.sub(1f).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  @Test
  void identityOmegaQuirkEqualsPlainUpdateWithRescaledGamma() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer.Builder base =
          KuramotoLayer.builder().setChannels(8).setOscillatorDim(4).setConvConnectivity(3);
      KuramotoLayer quirk = layer(m, base.optGamma(1f));
      KuramotoLayer plain =
          layer(
              m,
              KuramotoLayer.builder()
                  .setChannels(8)
                  .setOscillatorDim(4)
                  .setConvConnectivity(3)
                  .optNoOmega(KuramotoLayer.NoOmega.ZERO)
                  .optGamma(0.5f));
      // same coupling weights
      for (int i = 0; i < quirk.getParameters().size(); i++) {
        plain.getParameters().valueAt(i).getArray().set(
            quirk.getParameters().valueAt(i).getArray().toByteBuffer());
      }
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x0 = InitialState.gaussian(m, SHAPE, 7);
      NDArray c = InitialState.gaussian(m, SHAPE, 8);
      NDArray a = quirk.run(ps, x0, c, 1, null, false, false).last();
      NDArray b = plain.run(ps, x0, c, 1, null, false, false).last();
      assertThat(maxDiff(a, b)).isLessThan(1e-5f);
    }
  }

  @Test
  void seededNoiseStartIsReproducible() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer l = layer(m, conv());
      ParameterStore ps = new ParameterStore(m, false);
      NDArray c = InitialState.gaussian(m, SHAPE, 2);
      NDArray a = l.runFromNoise(ps, c, 11, 3, null, false, false).last();
      NDArray b = l.runFromNoise(ps, c, 11, 3, null, false, false).last();
      NDArray explicit = l.run(ps, InitialState.gaussian(m, SHAPE, 11), c, 3, null, false, false).last();
      assertThat(maxDiff(a, b)).isEqualTo(0f);
      assertThat(maxDiff(a, explicit)).isEqualTo(0f);
    }
  }

  @Test
  void forwardTakesStepsFromParams() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer l = layer(m, conv());
      PairList<String, Object> params = new PairList<>();
      params.add("steps", 6);
      NDList out =
          l.forward(
              new ParameterStore(m, false),
              new NDList(InitialState.gaussian(m, SHAPE, 1), InitialState.gaussian(m, SHAPE, 2)),
              false,
              params);
      assertThat(out.get(0).getShape()).isEqualTo(SHAPE);
      assertThat(out.get(1).getShape()).isEqualTo(new Shape(7, 2));
    }
  }

  @Test
  void learnableGammaReceivesAGradientAndZeroingPreventsAccumulation() {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer l = layer(m, conv().optLearnableGamma(0.7f));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x0 = InitialState.gaussian(m, SHAPE, 1);
      NDArray c = InitialState.gaussian(m, SHAPE, 2);
      float[] first = null;
      for (int i = 0; i < 2; i++) {
        Gradients.zero(l);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          gc.backward(l.run(ps, x0, c, true).last().sum());
        }
        float[] g = l.getParameters().get("gamma").getArray().getGradient().toFloatArray();
        if (first == null) {
          first = g;
          assertThat(g[0]).isNotEqualTo(0f);
        } else {
          assertThat(g).usingTolerance(1e-6).containsExactly(first).inOrder();
        }
      }
    }
  }

  @Test
  void rejectsInvalidConfigurations() {
    IllegalArgumentException noConn =
        assertThrows(
            IllegalArgumentException.class,
            () -> KuramotoLayer.builder().setChannels(8).setOscillatorDim(4).build());
    assertThat(noConn).hasMessageThat().isEqualTo("exactly one connectivity must be set, got 0");
    IllegalArgumentException badN =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KuramotoLayer.builder()
                    .setChannels(10)
                    .setOscillatorDim(4)
                    .setConvConnectivity(3)
                    .build());
    assertThat(badN).hasMessageThat().isEqualTo("oscillator dim n (4) must divide channels (10)");
  }
}
