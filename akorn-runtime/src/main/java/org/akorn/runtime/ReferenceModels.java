package org.akorn.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.nn.CellHead;
import org.akorn.runtime.nn.Conv2dBlock;
import org.akorn.runtime.nn.ConvStem;
import org.akorn.runtime.nn.EmbeddingStem;
import org.akorn.runtime.nn.FeatureNorm;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.OpChain;
import org.akorn.runtime.nn.PooledLinearHead;
import org.akorn.runtime.nn.PooledMlpHead;
import org.akorn.runtime.nn.Pooling;
import org.akorn.runtime.nn.ReadOuts;
import org.akorn.runtime.nn.SharedTransition;
import org.akorn.runtime.nn.Stage;

/**
 * The reference implementation's three model families built from their constructor keyword
 * arguments (names and defaults as in the reference), as {@link AkornNetwork}s whose weights
 * {@link ReferenceLayouts} imports. Unknown arguments and unsupported options are rejected.
 */
public final class ReferenceModels {
  private ReferenceModels() {}

  /** {@code source/models/sudoku/knet.py SudokuAKOrN(**kwargs)}; output {@code logits}. */
  public static AkornNetwork sudoku(Map<String, ?> kwargs) {
    Kwargs k = new Kwargs("SudokuAKOrN", kwargs);
    int n = k.getInt("n", null);
    int ch = k.getInt("ch", 64);
    int layers = k.getInt("L", 1);
    int steps = k.getInt("T", 16);
    float gamma = k.getFloat("gamma", 1f);
    String conn = k.getString("J", "attn");
    boolean useOmega = k.getBool("use_omega", true);
    boolean globalOmega = k.getBool("global_omg", true);
    float initOmega = k.getFloat("init_omg", 0.1f);
    boolean learnOmega = k.getBool("learn_omg", false);
    boolean nl = k.getBool("nl", true);
    int heads = k.getInt("heads", 8);
    k.rejectUnknown();
    AkornNetwork.Builder b =
        AkornNetwork.builder()
            .optStem(new EmbeddingStem(10, ch))
            .optInitialState(InitialState.clampedNoise());
    for (int l = 0; l < layers; l++) {
      KuramotoLayer.Builder lb =
          KuramotoLayer.builder().setChannels(ch).setOscillatorDim(n).optSteps(steps);
      connectivity(lb, conn, 3, heads, true, 9, 9);
      omega(lb, useOmega, globalOmega, initOmega, learnOmega);
      OpChain ro =
          nl ? ReadOuts.full(ch, n, 1, FeatureNorm.NONE) : ReadOuts.convOnly(ch, ch, n, 1);
      b.addStage(lb.build(), ro);
    }
    return b.optHead(new CellHead(ch, 9)).optGamma(gamma, true).optOutputName("logits").build();
  }

  /** {@code source/models/objs/knet.py AKOrN(**kwargs)}; output {@code features}. */
  public static AkornNetwork objects(Map<String, ?> kwargs) {
    Kwargs k = new Kwargs("AKOrN (objects)", kwargs);
    int n = k.getInt("n", 4);
    int ch = k.getInt("ch", 256);
    int layers = k.getInt("L", 1);
    int[] steps = k.getInts("T", new int[] {8}, layers);
    int psize = k.getInt("psize", 4);
    boolean gta = k.getBool("gta", true);
    String[] conn = k.getStrings("J", "attn", layers);
    int ksize = k.getInt("ksize", 1);
    String cNorm = k.getString("c_norm", "gn");
    float gamma = k.getFloat("gamma", 1f);
    int imsize = k.getInt("imsize", 128);
    boolean useOmega = k.getBool("use_omega", false);
    float initOmega = k.getFloat("init_omg", 1f);
    boolean globalOmega = k.getBool("global_omg", false);
    boolean maxpool = k.getBool("maxpool", true);
    boolean project = k.getBool("project", true);
    int heads = k.getInt("heads", 8);
    boolean useRoX = k.getBool("use_ro_x", false);
    boolean learnOmega = k.getBool("learn_omg", true);
    boolean noRo = k.getBool("no_ro", false);
    k.getBool("autorescale", true);
    k.rejectUnknown();
    if (!gta) {
      throw new IllegalArgumentException(
          "AKOrN (objects): gta=False (learned positional embeddings) is not supported");
    }
    if (useRoX) {
      throw new IllegalArgumentException("AKOrN (objects): use_ro_x=True is not supported");
    }
    int hw = imsize / psize;
    AkornNetwork.Builder b =
        AkornNetwork.builder()
            .optStem(ConvStem.patchify(3, ch, psize))
            .optInitialState(InitialState.noise());
    for (int l = 0; l < layers; l++) {
      KuramotoLayer.Builder lb =
          KuramotoLayer.builder()
              .setChannels(ch)
              .setOscillatorDim(n)
              .optSteps(steps[l])
              .optProjection(project)
              .optStimulusNorm(stimulusNorm(cNorm));
      connectivity(lb, conn[l], ksize, heads, gta, hw, hw);
      omega(lb, useOmega, globalOmega, initOmega, learnOmega);
      b.addStage(lb.build(), noRo ? ReadOuts.identity() : ReadOuts.convOnly(ch, ch, n, 1));
    }
    return b.optHead(new PooledMlpHead(maxpool ? Pooling.MAX : Pooling.AVG, ch, 4 * ch, ch))
        .optGamma(gamma, false)
        .optOutputName("features")
        .build();
  }

  /** {@code source/models/classification/knet.py AKOrN(**kwargs)}; output {@code logits}. */
  public static AkornNetwork classification(Map<String, ?> kwargs) {
    Kwargs k = new Kwargs("AKOrN (classification)", kwargs);
    int layers = k.getInt("L", 3);
    int[] ns = k.getInts("n", new int[] {4}, layers);
    int ch = k.getInt("ch", 64);
    int classes = k.getInt("out_classes", 10);
    int[] steps = k.getInts("T", new int[] {3}, layers);
    String[] conn = k.getStrings("J", "conv", layers);
    int[] ksizes = k.getInts("ksizes", new int[] {9, 7, 5}, layers);
    int roKsize = k.getInt("ro_ksize", 3);
    int[] roN = k.getInts("ro_N", new int[] {2}, layers);
    String norm = k.getString("norm", "bn");
    String cNorm = k.getString("c_norm", "gn");
    float gamma = k.getFloat("gamma", 1f);
    boolean useOmega = k.getBool("use_omega", true);
    float initOmega = k.getFloat("init_omg", 1f);
    boolean globalOmega = k.getBool("global_omg", true);
    boolean learnOmega = k.getBool("learn_omg", true);
    int ensemble = k.getInt("ensemble", 1);
    k.rejectUnknown();
    if (ensemble != 1) {
      throw new IllegalArgumentException(
          "AKOrN (classification): ensemble > 1 is not supported; average several runs instead");
    }
    FeatureNorm featureNorm =
        switch (norm) {
          case "bn" -> FeatureNorm.BATCH;
          case "gn" -> FeatureNorm.GROUP8;
          case "none" -> FeatureNorm.NONE;
          default -> throw new IllegalArgumentException("unknown norm " + norm);
        };
    float[] half = {0.5f, 0.5f, 0.5f};
    AkornNetwork.Builder b =
        AkornNetwork.builder()
            .optStem(
                new ConvStem(
                    Conv2dBlock.builder().setChannels(3, ch).setKernel(3).optBias(false).build(),
                    half,
                    half.clone()))
            .optInitialState(InitialState.noise());
    List<Integer> channels = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      channels.add(ch << l);
    }
    for (int l = 0; l < layers; l++) {
      int c = channels.get(l);
      int side = l < 3 ? 32 >> l : 8;
      Stage.Builder sb = Stage.builder();
      if (l > 0) {
        int stride = l < 3 ? 2 : 1;
        sb.optTransition(
            new SharedTransition(
                Conv2dBlock.builder()
                    .setChannels(channels.get(l - 1), c)
                    .setKernel(roKsize)
                    .optStride(stride)
                    .build()));
      }
      KuramotoLayer.Builder lb =
          KuramotoLayer.builder()
              .setChannels(c)
              .setOscillatorDim(ns[l])
              .optSteps(steps[l])
              .optStimulusNorm(stimulusNorm(cNorm));
      connectivity(lb, conn[l], ksizes[l], 8, false, side, side);
      omega(lb, useOmega, globalOmega, initOmega, learnOmega);
      b.addStage(
          sb.setLayer(lb.build())
              .optReadOut(ReadOuts.full(c, roN[l], roKsize, featureNorm))
              .build());
    }
    return b.optHead(new PooledLinearHead(Pooling.AVG, channels.get(layers - 1), classes))
        .optGamma(gamma, false)
        .optOutputName("logits")
        .build();
  }

  private static void connectivity(
      KuramotoLayer.Builder lb, String conn, int ksize, int heads, boolean gta, int h, int w) {
    switch (conn) {
      case "conv" -> lb.setConvConnectivity(ksize);
      case "attn" -> {
        if (gta) {
          lb.setGtaAttentionConnectivity(heads, h, w);
        } else {
          lb.setAttentionConnectivity(heads);
        }
      }
      default -> throw new IllegalArgumentException("unknown connectivity J=" + conn);
    }
  }

  private static void omega(
      KuramotoLayer.Builder lb, boolean use, boolean global, float init, boolean learn) {
    if (use) {
      lb.optOmega(global ? OmegaTerm.Scope.GLOBAL : OmegaTerm.Scope.PER_PAIR, init, learn);
    }
  }

  private static KuramotoLayer.StimulusNorm stimulusNorm(String cNorm) {
    return switch (cNorm) {
      case "gn" -> KuramotoLayer.StimulusNorm.GROUP;
      case "sandb" -> KuramotoLayer.StimulusNorm.SCALE_AND_BIAS;
      case "none" -> KuramotoLayer.StimulusNorm.NONE;
      default -> throw new IllegalArgumentException("unknown c_norm " + cNorm);
    };
  }
}
