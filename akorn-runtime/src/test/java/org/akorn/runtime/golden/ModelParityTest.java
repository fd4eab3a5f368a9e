package org.akorn.runtime.golden;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.ReferenceLayouts;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.CellHead;
import org.akorn.runtime.nn.Conv2dBlock;
import org.akorn.runtime.nn.ConvStem;
import org.akorn.runtime.nn.EmbeddingStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.Gradients;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.PooledLinearHead;
import org.akorn.runtime.nn.PooledMlpHead;
import org.akorn.runtime.nn.Pooling;
import org.akorn.runtime.nn.ReadOuts;
import org.akorn.runtime.nn.SharedTransition;
import org.akorn.runtime.nn.Stage;
import org.akorn.runtime.weights.WeightMapping;
import org.junit.jupiter.api.Test;

class ModelParityTest {

  static AkornNetwork sudoku() {
    return AkornNetwork.builder()
        .optStem(new EmbeddingStem(10, 32))
        .optInitialState(InitialState.clampedNoise())
        .addStage(
            KuramotoLayer.builder()
                .setChannels(32)
                .setOscillatorDim(4)
                .setGtaAttentionConnectivity(4, 9, 9)
                .optOmega(OmegaTerm.Scope.GLOBAL, 0.1f, false)
                .optSteps(4)
                .build(),
            ReadOuts.full(32, 4, 1, FeatureNorm.NONE))
        .optHead(new CellHead(32, 9))
        .optGamma(1.0f, true)
        .optOutputName("logits")
        .build();
  }

  @Test
  void sudokuModelMatchesReferenceWithGradients() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Golden g = new Golden(manager, "sudoku_model");
      AkornNetwork net = sudoku();
      NDArray digits = g.get("in.digits");
      net.initialize(manager, DataType.FLOAT32, digits.getShape());
      WeightMapping mapping = ReferenceLayouts.sudoku(net);
      mapping.importFrom(g.stateDict());
      ParameterStore ps = new ParameterStore(manager, false);
      AkornInput in =
          AkornInput.of(digits).withMask(g.get("in.is_input")).withNoise(g.get("in.noise"));
      Gradients.zero(net);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        AkornResult r =
            net.run(ps, in, RunOptions.defaults().withKeepStates(true).withTraining(true));
        g.assertForward("logits", r.output("logits"), "out.logits");
        for (int t = 0; t < 4; t++) {
          g.assertForward("state " + t, r.layers().get(0).states().get(t), "out.xs." + t);
        }
        for (int t = 0; t <= 4; t++) {
          g.assertForward("energy " + t, r.layers().get(0).energies().get(t), "out.es." + t);
        }
        gc.backward(r.output("logits").mul(g.get("in.loss_weight")).sum());
      }
      g.assertGradients(mapping);
      g.report();
    }
  }

  @Test
  void objectDiscoveryModelMatchesReference() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Golden g = new Golden(manager, "objects_model");
      AkornNetwork.Builder b =
          AkornNetwork.builder()
              .optStem(ConvStem.patchify(3, 32, 4))
              .optInitialState(InitialState.noise());
      for (int l = 0; l < 2; l++) {
        b.addStage(
            KuramotoLayer.builder()
                .setChannels(32)
                .setOscillatorDim(4)
                .setGtaAttentionConnectivity(4, 8, 8)
                .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
                .optSteps(3)
                .build(),
            ReadOuts.convOnly(32, 32, 4, 1));
      }
      AkornNetwork net =
          b.optHead(new PooledMlpHead(Pooling.MAX, 32, 128, 32))
              .optGamma(1.0f, false)
              .optOutputName("features")
              .build();
      NDArray image = g.get("in.image");
      net.initialize(manager, DataType.FLOAT32, image.getShape());
      ReferenceLayouts.objects(net).importFrom(g.stateDict());
      AkornResult r =
          net.run(
              new ParameterStore(manager, false),
              AkornInput.of(image).withNoise(g.get("in.noise")),
              RunOptions.defaults());
      g.assertForward("features", r.output("features"), "out.features");
      g.assertForward("c_last", r.output("c_last"), "out.c_last");
      g.assertForward("x_last", r.output("x_last"), "out.x_last");
      for (int l = 0; l < 2; l++) {
        for (int t = 0; t <= 3; t++) {
          g.assertForward(
              "energy " + l + "." + t, r.layers().get(l).energies().get(t), "out.es." + l + "." + t);
        }
      }
      g.report();
    }
  }

  @Test
  void classificationModelMatchesReferenceInEvalMode() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Golden g = new Golden(manager, "classification_model");
      int[] ks = {5, 3, 3};
      AkornNetwork.Builder b =
          AkornNetwork.builder()
              .optStem(
                  new ConvStem(
                      Conv2dBlock.builder().setChannels(3, 16).setKernel(3).optBias(false).build(),
                      new float[] {0.5f, 0.5f, 0.5f},
                      new float[] {0.5f, 0.5f, 0.5f}));
      for (int l = 0; l < 3; l++) {
        int ch = 16 << l;
        Stage.Builder sb = Stage.builder();
        if (l > 0) {
          sb.optTransition(
              new SharedTransition(
                  Conv2dBlock.builder().setChannels(ch / 2, ch).setKernel(3).optStride(2).build()));
        }
        b.addStage(
            sb.setLayer(
                    KuramotoLayer.builder()
                        .setChannels(ch)
                        .setOscillatorDim(4)
                        .setConvConnectivity(ks[l])
                        .optOmega(OmegaTerm.Scope.GLOBAL, 1.0f, true)
                        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
                        .optSteps(2)
                        .build())
                .optReadOut(ReadOuts.full(ch, 2, 3, FeatureNorm.BATCH))
                .build());
      }
      AkornNetwork net =
          b.optHead(new PooledLinearHead(Pooling.AVG, 64, 10))
              .optGamma(1.0f, false)
              .optOutputName("logits")
              .build();
      NDArray image = g.get("in.image");
      net.initialize(manager, DataType.FLOAT32, image.getShape());
      ReferenceLayouts.classification(net).importFrom(g.stateDict());
      AkornResult r =
          net.run(
              new ParameterStore(manager, false),
              AkornInput.of(image).withNoise(g.get("in.noise")),
              RunOptions.defaults());
      assertThat(r.output("x_last").getShape()).isEqualTo(new Shape(2, 64, 8, 8));
      g.assertForward("logits", r.output("logits"), "out.logits");
      g.report();
    }
  }
}
