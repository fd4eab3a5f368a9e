package org.akorn.runtime.nn;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.weights.WeightMapping;
import org.junit.jupiter.api.Test;

/** The Transformer units against double-precision loops and hand-computed values. */
class TransformerUnitsTest {
  private static final int B = 2;
  private static final int C = 8;
  private static final int H = 3;
  private static final int W = 2;

  private static NDArray input(NDManager m, long seed) {
    m.getEngine().setRandomSeed((int) seed);
    return m.randomNormal(0f, 1.5f, new Shape(B, C, H, W), DataType.FLOAT32);
  }

  /** Moves every parameter off its initial value, deterministically. */
  private static void perturb(AkornBlock block, NDManager m) {
    int i = 1;
    for (var p : block.getParameters().values()) {
      NDArray a = p.getArray();
      float[] v = a.toFloatArray();
      for (int k = 0; k < v.length; k++) {
        v[k] += (float) (0.1 * Math.sin(0.7 * k + i));
      }
      a.set(v);
      i++;
    }
  }

  /** LayerNorm over the channels of cell (b, h, w), in double. */
  private static double[] layerNorm(float[] x, int b, int h, int w, float[] weight, float[] bias) {
    double mean = 0;
    for (int c = 0; c < C; c++) {
      mean += x[index(b, c, h, w)];
    }
    mean /= C;
    double var = 0;
    for (int c = 0; c < C; c++) {
      double d = x[index(b, c, h, w)] - mean;
      var += d * d;
    }
    var /= C;
    double[] out = new double[C];
    for (int c = 0; c < C; c++) {
      out[c] = (x[index(b, c, h, w)] - mean) / Math.sqrt(var + 1e-5) * weight[c] + bias[c];
    }
    return out;
  }

  private static int index(int b, int c, int h, int w) {
    return ((b * C + c) * H + h) * W + w;
  }

  /** erf by its Taylor series (|z| below 4 here), for the exact GELU. */
  private static double erf(double z) {
    double sum = 0;
    double term = z;
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -z * z / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  @Test
  void layerNormNormalisesTheChannelsOfEveryPosition() {
    try (NDManager m = NDManager.newBaseManager()) {
      ChannelLayerNorm ln = new ChannelLayerNorm(C);
      ln.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(ln, m);
      NDArray x = input(m, 1);
      float[] y = ln.apply(new ParameterStore(m, false), x, false).toFloatArray();
      float[] xs = x.toFloatArray();
      float[] w = ln.getParameters().get("weight").getArray().toFloatArray();
      float[] bias = ln.getParameters().get("bias").getArray().toFloatArray();
      for (int b = 0; b < B; b++) {
        for (int h = 0; h < H; h++) {
          for (int ww = 0; ww < W; ww++) {
            double[] expected = layerNorm(xs, b, h, ww, w, bias);
            for (int c = 0; c < C; c++) {
              assertThat((double) y[index(b, c, h, ww)]).isWithin(1e-5).of(expected[c]);
            }
          }
        }
      }
    }
  }

  @Test
  void geluMlpIsAResidualExactGeluMlpOnEveryPosition() {
    try (NDManager m = NDManager.newBaseManager()) {
      int hidden = 5;
      GeluMlp mlp = new GeluMlp(C, hidden, true);
      mlp.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(mlp, m);
      NDArray x = input(m, 2);
      float[] y = mlp.apply(new ParameterStore(m, false), x, false).toFloatArray();
      var params = WeightMapping.builder().add("", mlp).build().targets();
      float[] lnW = params.get("layernorm2.weight").getArray().toFloatArray();
      float[] lnB = params.get("layernorm2.bias").getArray().toFloatArray();
      float[] w1 = params.get("mlp.0.weight").getArray().toFloatArray();
      float[] b1 = params.get("mlp.0.bias").getArray().toFloatArray();
      float[] w2 = params.get("mlp.2.weight").getArray().toFloatArray();
      float[] b2 = params.get("mlp.2.bias").getArray().toFloatArray();
      float[] xs = x.toFloatArray();
      for (int b = 0; b < B; b++) {
        for (int h = 0; h < H; h++) {
          for (int ww = 0; ww < W; ww++) {
            double[] n = layerNorm(xs, b, h, ww, lnW, lnB);
            double[] g = new double[hidden];
            for (int j = 0; j < hidden; j++) {
              double a = b1[j];
              for (int c = 0; c < C; c++) {
                a += w1[j * C + c] * n[c];
              }
              g[j] = 0.5 * a * (1 + erf(a / Math.sqrt(2)));
            }
            for (int c = 0; c < C; c++) {
              double out = xs[index(b, c, h, ww)] + b2[c];
              for (int j = 0; j < hidden; j++) {
                out += w2[c * hidden + j] * g[j];
              }
              assertThat((double) y[index(b, c, h, ww)]).isWithin(1e-5).of(out);
            }
          }
        }
      }
    }
  }

  @Test
  void positionTableStartsWithTheTwoDimensionalSinCosEncoding() {
    // C = 8: D = 4, frequencies f_0 = 1 and f_1 = exp(-2 ln(10000) / 4) = 0.01
    float[] table = SinCosPosition.values(8, 3, 4);
    int r = 2;
    int s = 3;
    int base = (r * 4 + s) * 8;
    double[] expected = {
      Math.sin(3), Math.cos(3), Math.sin(0.03), Math.cos(0.03),
      Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)
    };
    for (int c = 0; c < 8; c++) {
      assertThat((double) table[base + c]).isWithin(1e-6).of(expected[c]);
    }
  }

  @Test
  void positionTableIsAddedPerCell() {
    try (NDManager m = NDManager.newBaseManager()) {
      SinCosPosition pos = new SinCosPosition(C, H, W, false);
      pos.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      NDArray x = input(m, 3);
      float[] y = pos.apply(new ParameterStore(m, false), x, false).toFloatArray();
      float[] xs = x.toFloatArray();
      float[] table = SinCosPosition.values(C, H, W);
      for (int b = 0; b < B; b++) {
        for (int c = 0; c < C; c++) {
          for (int h = 0; h < H; h++) {
            for (int w = 0; w < W; w++) {
              assertThat(y[index(b, c, h, w)]).isWithin(1e-6f).of(xs[index(b, c, h, w)] + table[(h * W + w) * C + c]);
            }
          }
        }
      }
      assertThat(pos.getParameters().get("pos_embed").requiresGradient()).isFalse();
      assertThrows(IllegalArgumentException.class, () -> new SinCosPosition(6, 3, 3, true));
    }
  }

  @Test
  void iteratedAttentionIsTheSameSubLayerAppliedStepsTimes() {
    try (NDManager m = NDManager.newBaseManager()) {
      IteratedSelfAttention three = new IteratedSelfAttention(C, 2, 3, true, 0, 0);
      three.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(three, m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = input(m, 4);
      NDArray once = three.apply(ps, x, false, 1);
      NDArray twice = three.apply(ps, once, false, 1);
      NDArray thrice = three.apply(ps, twice, false, 1);
      assertThat(three.apply(ps, x, false).sub(thrice).abs().max().getFloat()).isLessThan(1e-5f);
      assertThat(three.apply(ps, x, false, 5).sub(three.apply(ps, three.apply(ps, thrice, false, 1), false, 1))
          .abs().max().getFloat()).isLessThan(1e-5f);
      assertThat(once.sub(x).abs().max().getFloat()).isGreaterThan(1e-3f);
      var keys = WeightMapping.builder().add("", three).build().targets().keySet();
      assertThat(keys).containsExactlyElementsIn(List.of("layernorm1.weight", "layernorm1.bias",
          "attn.W_qkv.weight", "attn.W_qkv.bias", "attn.W_o.weight", "attn.W_o.bias"));
      assertThrows(IllegalArgumentException.class, () -> three.apply(ps, x, false, 0));
    }
  }

  @Test
  void aRandomLatentPerturbsTheFirstIterationOnly() {
    try (NDManager m = NDManager.newBaseManager()) {
      IteratedSelfAttention latent = new IteratedSelfAttention(C, 2, 2, true, 0, 0, true);
      IteratedSelfAttention plain = new IteratedSelfAttention(C, 2, 1, true, 0, 0);
      latent.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      plain.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(latent, m);
      var from = WeightMapping.builder().add("", latent).build().targets();
      WeightMapping.builder().add("", plain).build().targets()
          .forEach((key, p) -> p.getArray().set(from.get(key).getArray().toFloatArray()));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray c = input(m, 7);
      NDArray z0 = InitialState.gaussian(m, c.getShape(), 11);
      // x_1 = c + Attn(LN(c + z)) = plain(c + z) - z, since plain(u) = u + Attn(LN(u)); x_2 = plain(x_1)
      NDArray z1 = plain.apply(ps, z0.add(c), false).sub(z0);
      NDArray z2 = plain.apply(ps, z1, false);
      NDArray actual = latent.apply(ps, c, false, 2, z0);
      assertThat(actual.sub(z2).abs().max().getFloat()).isLessThan(1e-5f);
      NDArray other = latent.apply(ps, c, false, 2, InitialState.gaussian(m, c.getShape(), 12));
      assertThat(other.sub(actual).abs().max().getFloat()).isGreaterThan(1e-3f);
      assertThrows(IllegalArgumentException.class, () -> latent.apply(ps, c, false, 2, null));
    }
  }

  @Test
  void onlyARandomLatentGivesAFeaturesNetworkARandomInitialState() {
    for (boolean latent : new boolean[] {false, true}) {
      AkornNetwork net = AkornNetwork.builder()
          .optStem(new EmbeddingStem(5, C))
          .addStage(Stage.builder()
              .optReadOut(new OpChain(List.of(new IteratedSelfAttention(C, 2, 2, true, 0, 0, latent))))
              .build())
          .build();
      assertThat(net.hasRandomInitialState()).isEqualTo(latent);
    }
  }

  @Test
  void gtaWithLinearWeightsIsTheLayersGtaAttention() {
    try (NDManager m = NDManager.newBaseManager()) {
      // one step without norm: x + Attn(x), Attn the Kuramoto layers' (golden-tested) conv-weight GTA
      IteratedSelfAttention linear = new IteratedSelfAttention(C, 2, 1, false, H, W);
      GtaAttention conv = GtaAttention.builder().setChannels(C).setHeads(2).optGta(H, W).build();
      linear.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      conv.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(linear, m);
      var from = WeightMapping.builder().add("", linear).build().targets();
      var to = WeightMapping.builder().add("attn.", conv).build().targets();
      assertThat(to.keySet()).containsExactlyElementsIn(from.keySet());
      to.forEach((key, p) -> p.getArray().set(from.get(key).getArray().toFloatArray()));
      assertThat(from.get("attn.W_qkv.weight").getArray().getShape()).isEqualTo(new Shape(3 * C, C));
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = input(m, 8);
      NDArray expected = x.add(conv.apply(ps, x, false));
      assertThat(linear.apply(ps, x, false).sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
    }
  }

  @Test
  void attentionOnTokensAndOnAGridAgree() {
    try (NDManager m = NDManager.newBaseManager()) {
      IteratedSelfAttention attn = new IteratedSelfAttention(C, 4, 2, false, 0, 0);
      attn.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(attn, m);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray grid = input(m, 5);
      NDArray tokens = grid.reshape(B, C, H * W);
      NDArray onGrid = attn.apply(ps, grid, false).reshape(B, C, H * W);
      NDArray onTokens = attn.apply(ps, tokens, false);
      assertThat(onTokens.getShape()).isEqualTo(new Shape(B, C, H * W));
      assertThat(onTokens.sub(onGrid).abs().max().getFloat()).isLessThan(1e-6f);
    }
  }

  @Test
  void layerNormCellHeadIsLinearOnNormalisedCellsChannelsLast() {
    try (NDManager m = NDManager.newBaseManager()) {
      LayerNormCellHead head = new LayerNormCellHead(C, 3);
      head.initialize(m, DataType.FLOAT32, new Shape(B, C, H, W));
      perturb(head, m);
      NDArray x = input(m, 6);
      NDArray y = head.apply(new ParameterStore(m, false), x, false);
      assertThat(y.getShape()).isEqualTo(new Shape(B, H, W, 3));
      var params = WeightMapping.builder().add("", head).build().targets();
      float[] lnW = params.get("0.weight").getArray().toFloatArray();
      float[] lnB = params.get("0.bias").getArray().toFloatArray();
      float[] w = params.get("1.weight").getArray().toFloatArray();
      float[] bias = params.get("1.bias").getArray().toFloatArray();
      float[] ys = y.toFloatArray();
      float[] xs = x.toFloatArray();
      for (int b = 0; b < B; b++) {
        for (int h = 0; h < H; h++) {
          for (int ww = 0; ww < W; ww++) {
            double[] n = layerNorm(xs, b, h, ww, lnW, lnB);
            for (int k = 0; k < 3; k++) {
              double out = bias[k];
              for (int c = 0; c < C; c++) {
                out += w[k * C + c] * n[c];
              }
              assertThat((double) ys[((b * H + h) * W + ww) * 3 + k]).isWithin(1e-5).of(out);
            }
          }
        }
      }
    }
  }
}
