package org.akorn.runtime.golden;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.nn.Gradients;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.weights.WeightMapping;
import org.junit.jupiter.api.Test;

class KuramotoLayerParityTest {

  @Test
  void convWithGroupNormAndGlobalOmegaMatchesReference() {
    check(
        "klayer_conv_gn_globalomega",
        3,
        1.0f,
        KuramotoLayer.builder()
            .setChannels(16)
            .setOscillatorDim(4)
            .setConvConnectivity(3)
            .optOmega(OmegaTerm.Scope.GLOBAL, 1.0f, true)
            .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP));
  }

  @Test
  void attentionWithPerPairOmegaMatchesReference() {
    check(
        "klayer_attn_channelomega",
        4,
        0.5f,
        KuramotoLayer.builder()
            .setChannels(16)
            .setOscillatorDim(2)
            .setAttentionConnectivity(4)
            .optOmega(OmegaTerm.Scope.PER_PAIR, 0.5f, true));
  }

  @Test
  void gtaAttentionWithoutOmegaMatchesReference() {
    check(
        "klayer_attn_gta",
        3,
        1.0f,
        KuramotoLayer.builder()
            .setChannels(32)
            .setOscillatorDim(4)
            .setGtaAttentionConnectivity(4, 6, 6)
            .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP));
  }

  @Test
  void convWithoutProjectionWithScaleAndBiasMatchesReference() {
    check(
        "klayer_conv_noproj_sandb",
        2,
        0.7f,
        KuramotoLayer.builder()
            .setChannels(8)
            .setOscillatorDim(2)
            .setConvConnectivity(5)
            .optProjection(false)
            .optOmega(OmegaTerm.Scope.GLOBAL, 0.3f, true)
            .optStimulusNorm(KuramotoLayer.StimulusNorm.SCALE_AND_BIAS));
  }

  private static void check(String name, int steps, float gamma, KuramotoLayer.Builder builder) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Golden g = new Golden(manager, name);
      KuramotoLayer layer = builder.optSteps(steps).optGamma(gamma).build();
      NDArray x0 = g.get("in.x0");
      NDArray c = g.get("in.c");
      layer.initialize(manager, DataType.FLOAT32, x0.getShape(), c.getShape());
      WeightMapping mapping = WeightMapping.builder().add("", layer).build();
      mapping.importFrom(g.stateDict());
      ParameterStore ps = new ParameterStore(manager, false);
      Gradients.zero(layer);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        KuramotoResult r = layer.run(ps, x0, c, steps, null, true, true);
        for (int t = 0; t < steps; t++) {
          g.assertForward("state " + t, r.states().get(t), "out.xs." + t);
        }
        for (int t = 0; t <= steps; t++) {
          g.assertForward("energy " + t, r.energies().get(t), "out.es." + t);
        }
        NDArray loss = r.last().mul(g.get("in.loss_weight")).sum();
        for (int t = 1; t <= steps; t++) {
          loss = loss.add(r.energies().get(t).sum().mul(0.01f));
        }
        gc.backward(loss);
      }
      g.assertGradients(mapping);
      g.report();
    }
  }
}
