package org.akorn.runtime.nn;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures the benchmark configuration (GTA attention, 9x9, 128 channels, T 16, batch 16). */
class GtaLayerSpeedTest {
  private static final Logger LOG = LoggerFactory.getLogger(GtaLayerSpeedTest.class);

  @Test
  void gtaLayerForwardIsTimedAndFinite() {
    try (NDManager manager = NDManager.newBaseManager()) {
      KuramotoLayer layer =
          KuramotoLayer.builder()
              .setChannels(128)
              .setOscillatorDim(4)
              .setGtaAttentionConnectivity(8, 9, 9)
              .optOmega(OmegaTerm.Scope.GLOBAL, 0.1f, false)
              .optSteps(16)
              .build();
      Shape shape = new Shape(16, 128, 9, 9);
      layer.initialize(manager, DataType.FLOAT32, shape, shape);
      NDArray x0 = InitialState.gaussian(manager, shape, 1);
      NDArray c = InitialState.gaussian(manager, shape, 2);
      ParameterStore ps = new ParameterStore(manager, false);
      long best = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        long t0 = System.nanoTime();
        KuramotoResult r = layer.run(ps, x0, c, 16, null, false, false);
        float check = r.last().sum().getFloat();
        best = Math.min(best, System.nanoTime() - t0);
        assertThat(Float.isFinite(check)).isTrue();
        r.states().forEach(NDArray::close);
        r.energies().forEach(NDArray::close);
      }
      LOG.info("BENCH GTA layer 9x9 ch128 T16 B16 forward: best {} ms", best / 1_000_000.0);
    }
  }
}
