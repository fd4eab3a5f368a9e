package org.akorn.runtime.nn;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;
import org.junit.jupiter.api.Test;

class BlocksTest {

  @Test
  void bilinearWeightsFollowPytorchAlignCornersFalse() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = GtaAttention.bilinearWeights(m, 2, 4);
      NDArray src = m.create(new float[] {0f, 1f}, new Shape(2, 1));
      assertThat(a.matMul(src).toFloatArray())
          .usingTolerance(1e-6)
          .containsExactly(0f, 0.25f, 0.75f, 1f)
          .inOrder();
      NDArray down = GtaAttention.bilinearWeights(m, 4, 2);
      NDArray src4 = m.create(new float[] {0f, 1f, 2f, 3f}, new Shape(4, 1));
      assertThat(down.matMul(src4).toFloatArray())
          .usingTolerance(1e-6)
          .containsExactly(0.5f, 2.5f)
          .inOrder();
    }
  }

  @Test
  void gtaMatricesAreResampledOnAnotherGrid() {
    try (NDManager m = NDManager.newBaseManager()) {
      GtaAttention attn = GtaAttention.builder().setChannels(8).setHeads(2).optGta(3, 3).build();
      attn.initialize(m, DataType.FLOAT32, new Shape(1, 8, 3, 3));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.ones(new Shape(1, 8, 5, 4));
      NDArray mats =
          attn.matricesFor(ps, attn.getParameters().get("mat_q"), x, 5, 4, false);
      assertThat(mats.getShape()).isEqualTo(new Shape(20, 2, 2, 2));
      // position (0, 0) maps onto source (0, 0): the identity rotation
      assertThat(mats.get(0).toFloatArray())
          .usingTolerance(1e-6)
          .containsExactly(1f, 0f, 0f, 1f, 1f, 0f, 0f, 1f)
          .inOrder();
      assertThat(attn.apply(ps, x, false).getShape()).isEqualTo(new Shape(1, 8, 5, 4));
    }
  }

  @Test
  void gtaInitialisationRotatesByRowThenColumnFrequencies() {
    try (NDManager m = NDManager.newBaseManager()) {
      GtaAttention attn = GtaAttention.builder().setChannels(16).setHeads(2).optGta(2, 3).build();
      attn.initialize(m, DataType.FLOAT32, new Shape(1, 16, 2, 3));
      NDArray q = attn.getParameters().get("mat_q").getArray();
      NDArray o = attn.getParameters().get("mat_o").getArray();
      assertThat(q.getShape()).isEqualTo(new Shape(6, 4, 2, 2));
      // position (r=1, s=2), head_dim 8: F = 2, f = (1, 0.01); pairs: r*f0, s*f0, r*f1, s*f1
      double[] angles = {1.0, 2.0, 0.01, 0.02};
      float[] pos = q.get(5).toFloatArray();
      float[] posO = o.get(5).toFloatArray();
      for (int p = 0; p < 4; p++) {
        float c = (float) Math.cos(angles[p]);
        float s = (float) Math.sin(angles[p]);
        assertThat(new float[] {pos[4 * p], pos[4 * p + 1], pos[4 * p + 2], pos[4 * p + 3]})
            .usingTolerance(1e-6)
            .containsExactly(c, -s, s, c)
            .inOrder();
        assertThat(posO[4 * p + 1]).isWithin(1e-6f).of(s);
      }
    }
  }

  @Test
  void batchNormTrainingUsesBatchStatisticsAndUpdatesRunningStats() {
    try (NDManager m = NDManager.newBaseManager()) {
      BatchNorm2d bn = new BatchNorm2d(1);
      bn.initialize(m, DataType.FLOAT32, new Shape(2, 1, 1, 2));
      NDArray x = m.create(new float[] {1f, 2f, 3f, 6f}, new Shape(2, 1, 1, 2));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray y = bn.apply(ps, x, true);
      // mean 3, biased var 3.5, unbiased var 14/3
      float sd = (float) Math.sqrt(3.5 + 1e-5);
      assertThat(y.toFloatArray())
          .usingTolerance(1e-5)
          .containsExactly(-2f / sd, -1f / sd, 0f, 3f / sd)
          .inOrder();
      assertThat(bn.getParameters().get("running_mean").getArray().getFloat(0))
          .isWithin(1e-6f)
          .of(0.3f);
      assertThat(bn.getParameters().get("running_var").getArray().getFloat(0))
          .isWithin(1e-6f)
          .of(0.9f + 0.1f * 14f / 3f);
      NDArray eval = bn.apply(ps, x, false);
      float rsd = (float) Math.sqrt(0.9 + 0.1 * 14.0 / 3.0 + 1e-5);
      assertThat(eval.getFloat(0, 0, 0, 0)).isWithin(1e-5f).of((1f - 0.3f) / rsd);
    }
  }

  @Test
  void groupNormNormalisesEachGroupOfConsecutiveChannels() {
    try (NDManager m = NDManager.newBaseManager()) {
      GroupNorm gn = new GroupNorm(2, 4, true);
      gn.initialize(m, DataType.FLOAT32, new Shape(1, 4, 1, 1));
      NDArray x = m.create(new float[] {1f, 3f, 10f, 10f}, new Shape(1, 4, 1, 1));
      NDArray y = gn.apply(new ParameterStore(m, false), x, false);
      float a = (float) (1.0 / Math.sqrt(1.0 + 1e-5));
      assertThat(y.toFloatArray()).usingTolerance(1e-5).containsExactly(-a, a, 0f, 0f).inOrder();
      assertThrows(IllegalArgumentException.class, () -> new GroupNorm(3, 4, true));
    }
  }

  @Test
  void denseConnectivityRunsOnTokenInputs() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(2, 8, 6);
      KuramotoLayer layer =
          KuramotoLayer.builder()
              .setChannels(8)
              .setOscillatorDim(2)
              .setDenseConnectivity(8 * 6)
              .optOmega(OmegaTerm.Scope.PER_PAIR, 0.3f, true)
              .optStimulusNorm(KuramotoLayer.StimulusNorm.SCALE_AND_BIAS)
              .optSteps(4)
              .build();
      layer.initialize(m, DataType.FLOAT32, shape, shape);
      KuramotoResult r =
          layer.run(
              new ParameterStore(m, false),
              InitialState.gaussian(m, shape, 1),
              InitialState.gaussian(m, shape, 2),
              false);
      NDArray norms = r.last().reshape(2, 4, 2, 6).square().sum(new int[] {2}).sqrt();
      assertThat(norms.sub(1f).abs().max().getFloat()).isLessThan(1e-5f);
      assertThat(r.energies()).hasSize(5);
    }
  }

  @Test
  void readOutConvTakesTheNormOfConsecutiveGroupsPlusBias() {
    try (NDManager m = NDManager.newBaseManager()) {
      ReadOutConv ro = new ReadOutConv(2, 1, 2, 1);
      ro.initialize(m, DataType.FLOAT32, new Shape(1, 2, 1, 1));
      var keys = WeightMapping.builder().add("", ro).build().targets();
      keys.get("invconv.weight").getArray().set(new float[] {1f, 0f, 0f, 1f});
      keys.get("invconv.bias").getArray().set(new float[] {0f, 0f});
      keys.get("bias").getArray().set(new float[] {0.5f});
      NDArray y =
          ro.apply(
              new ParameterStore(m, false),
              m.create(new float[] {3f, 4f}, new Shape(1, 2, 1, 1)),
              false);
      assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 1, 1));
      assertThat(y.getFloat(0, 0, 0, 0)).isWithin(1e-6f).of(5.5f);
    }
  }
}
