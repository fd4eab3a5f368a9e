package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.function.UnaryOperator;
import org.akorn.runtime.engine.Convolutions;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Multi-head self-attention over all positions of {@code [B, C, H, W]} with 1x1 convolutions
 * {@code W_qkv} (C -> 3C) and {@code W_o} (C -> C) (or Linear layers, {@link
 * Builder#optLinearWeights}), heads taking channels head-fastest
 * ({@code channel = d * heads + head}), scale {@code 1/sqrt(C/heads)}, and optionally GTA: learnable
 * per-position 2x2 blocks {@code mat_q, mat_k, mat_v, mat_o [H*W, head_dim/2, 2, 2]} applied to
 * consecutive feature pairs of each head (q, k, v before attention, o after it).
 *
 * <p>On a grid other than the one it was built for, the GTA matrices are resampled bilinearly
 * (align_corners=False), as the reference's {@code rescale_gta_mat}.
 *
 * <p>Per run the 1x1 convolutions' weights are re-laid out head-major, so the per-step arrays need
 * no transposes; the GTA products are two broadcast multiply-adds on paired features, {@code y =
 * x * (M_00, M_11) + swap(x) * (M_01, M_10)}, with the attention scale folded into q's blocks.
 */
public final class GtaAttention extends ArrayOpBlock {
  private final int channels;
  private final int heads;
  private final int headDim;
  private final int height;
  private final int width;
  private final ArrayOpBlock wQkv;
  private final ArrayOpBlock wO;
  private final Parameter weightQkv;
  private final Parameter biasQkv;
  private final Parameter weightO;
  private final Parameter biasO;
  private final Parameter matQ;
  private final Parameter matK;
  private final Parameter matV;
  private final Parameter matO;

  private GtaAttention(Builder b) {
    this.channels = b.channels;
    this.heads = b.heads;
    this.headDim = b.channels / b.heads;
    this.height = b.height;
    this.width = b.width;
    if (b.linearWeights) {
      LinearBlock qkv = addChildBlock("W_qkv", new LinearBlock(channels, 3 * channels, true));
      LinearBlock o = addChildBlock("W_o", new LinearBlock(channels, channels, true));
      wQkv = qkv;
      wO = o;
      weightQkv = qkv.weightParameter();
      biasQkv = qkv.biasParameter();
      weightO = o.weightParameter();
      biasO = o.biasParameter();
    } else {
      Conv2dBlock qkv =
          addChildBlock("W_qkv", Conv2dBlock.builder().setChannels(channels, 3 * channels).setKernel(1).build());
      Conv2dBlock o = addChildBlock("W_o", Conv2dBlock.builder().setChannels(channels, channels).setKernel(1).build());
      wQkv = qkv;
      wO = o;
      weightQkv = qkv.weightParameter();
      biasQkv = qkv.biasParameter();
      weightO = o.weightParameter();
      biasO = o.biasParameter();
    }
    if (b.gta) {
      Shape shape = new Shape((long) height * width, headDim / 2, 2, 2);
      matQ = addParameter(param("mat_q", Parameter.Type.WEIGHT, shape, rotations(false), true));
      matK = addParameter(param("mat_k", Parameter.Type.WEIGHT, shape, rotations(false), true));
      matV = addParameter(param("mat_v", Parameter.Type.WEIGHT, shape, rotations(false), true));
      matO = addParameter(param("mat_o", Parameter.Type.WEIGHT, shape, rotations(true), true));
    } else {
      matQ = null;
      matK = null;
      matV = null;
      matO = null;
    }
  }

  /** The GTA initialisation: per position, rotations by r*f_i then s*f_i, i < ceil(d/4). */
  private Initializer rotations(boolean transpose) {
    return (NDManager manager, Shape shape, DataType dataType) -> {
      int pairs = headDim / 2;
      int freqs = (headDim + 3) / 4;
      float[] data = new float[height * width * pairs * 4];
      int idx = 0;
      for (int r = 0; r < height; r++) {
        for (int s = 0; s < width; s++) {
          for (int p = 0; p < pairs; p++) {
            int i = p / 2;
            double f = Math.exp(-(2.0 * i) * (Math.log(10000.0) / (2.0 * freqs)));
            double th = (p % 2 == 0 ? r : s) * f;
            float cos = (float) Math.cos(th);
            float sin = (float) Math.sin(th);
            data[idx++] = cos;
            data[idx++] = transpose ? sin : -sin;
            data[idx++] = transpose ? -sin : sin;
            data[idx++] = cos;
          }
        }
      }
      return manager.create(data, shape).toType(dataType, false);
    };
  }

  @Override
  public UnaryOperator<NDArray> bind(ParameterStore ps, NDArray like, boolean training) {
    if (like.getShape().dimension() != 4) {
      throw new IllegalArgumentException(
          "attention coupling expects [B, C, H, W], got " + like.getShape());
    }
    int h = Math.toIntExact(like.getShape().get(2));
    int w = Math.toIntExact(like.getShape().get(3));
    float scale = (float) (1.0 / Math.sqrt(headDim));
    int pairs = headDim / 2;
    long hw = (long) h * w;
    // Per run, the 1x1 convolutions are re-laid out head-major: W_qkv's output channels
    // (which, d, head) become (which, head, d) and W_o's input channels likewise, so that every
    // per-step array is [B, (3,) heads, d, HW] and needs no transpose: q^T k and v attn^T are
    // batched matrix products on views, and the GTA blocks' gradients reduce over leading axes.
    NDArray wqkv = ps.getValue(weightQkv, like.getDevice(), training);
    NDArray bqkv = ps.getValue(biasQkv, like.getDevice(), training);
    NDArray qkvWeight = wqkv.reshape(3, headDim, heads, channels).transpose(0, 2, 1, 3);
    NDArray qkvBias = bqkv.reshape(3, headDim, heads).transpose(0, 2, 1);
    NDArray[] weights = new NDArray[3];
    NDArray[] biases = new NDArray[3];
    for (int i = 0; i < 3; i++) {
      // q, k and v each by its own conv, so that each comes out contiguous [B, heads, d, HW]
      weights[i] = qkvWeight.get(i).reshape(channels, channels, 1, 1);
      biases[i] = qkvBias.get(i).reshape(channels);
    }
    NDArray wo = ps.getValue(weightO, like.getDevice(), training);
    NDArray oWeight =
        wo.reshape(channels, headDim, heads).transpose(0, 2, 1).reshape(channels, channels, 1, 1);
    NDArray oBias = ps.getValue(biasO, like.getDevice(), training);
    // The 2x2 blocks' diagonals and off-diagonals as [1, 1, d/2, 2, HW] (the attention scale
    // folded into q's).
    NDArray[][] coef = new NDArray[4][];
    if (matQ != null) {
      Parameter[] mats = {matQ, matK, matV, matO};
      for (int i = 0; i < 4; i++) {
        NDArray[] c = coefficients(ps, mats[i], like, h, w, training);
        if (i == 0) {
          c = new NDArray[] {NnUtil.mul(c[0], scale), NnUtil.mul(c[1], scale)};
        }
        // Row-major copies: the blocks come out of strided slices and a transpose, and a
        // broadcast operand with those strides runs the per-step products unvectorised.
        coef[i] =
            new NDArray[] {
              NnUtil.contiguous(c[0]).reshape(1, 1, pairs, 2, hw),
              NnUtil.contiguous(c[1]).reshape(1, 1, pairs, 2, hw)
            };
      }
    }
    boolean gta = matQ != null;
    return x -> {
      Shape s = x.getShape();
      long b = s.get(0);
      if (s.get(2) != h || s.get(3) != w) {
        throw new IllegalArgumentException(
            "bound for a " + h + "x" + w + " grid, got " + s.get(2) + "x" + s.get(3));
      }
      NDArray[] qkv = new NDArray[3];
      for (int i = 0; i < 3; i++) {
        NDArray t = conv1x1(x, weights[i], biases[i]); // channels (head, d)
        if (gta) {
          t = rotate(t.reshape(b, heads, pairs, 2, hw), coef[i], 3);
        }
        qkv[i] = t.reshape(b, heads, headDim, hw);
      }
      NDArray q = gta ? qkv[0] : NnUtil.mul(qkv[0], scale); // with GTA the scale is in q's blocks
      NDArray attn = q.transpose(0, 1, 3, 2).matMul(qkv[1]).softmax(-1); // [B, heads, HW, HW]
      // attn v^T, then one row-major copy of the [B, heads, HW, d] result: v attn^T would make
      // the backward pass copy the transposed [HW, HW] attention gradient (a slow, cache-unfriendly
      // transpose of the largest array) before the softmax backward.
      NDArray oT = attn.matMul(qkv[2].transpose(0, 1, 3, 2)); // [B, heads, HW, d]
      NDArray o = NnUtil.contiguous(oT.transpose(0, 1, 3, 2)); // [B, heads, d, HW]
      if (gta) {
        o = rotate(o.reshape(b, heads, pairs, 2, hw), coef[3], 3);
      }
      return conv1x1(o.reshape(b, channels, h, w), oWeight, oBias);
    };
  }

  private static NDArray conv1x1(NDArray x, NDArray weight, NDArray bias) {
    return Convolutions.conv2d(x, weight, bias, 1, 0);
  }

  /**
   * The GTA matrices for an {@code h x w} grid: the parameter itself on the grid it was built
   * for, otherwise resampled bilinearly (align_corners=False) as the reference does.
   */
  NDArray matricesFor(ParameterStore ps, Parameter mat, NDArray like, int h, int w, boolean training) {
    NDArray m = ps.getValue(mat, like.getDevice(), training);
    if (h == height && w == width) {
      return m;
    }
    long k = m.getShape().size() / ((long) height * width);
    NDArray grid = m.reshape(height, width, k).transpose(2, 0, 1); // [K, height, width]
    NDArray ah = NnUtil.onDeviceOf(bilinearWeights(like.getManager(), height, h), like);
    NDArray aw = NnUtil.onDeviceOf(bilinearWeights(like.getManager(), width, w), like);
    NDArray resized = ah.matMul(grid).matMul(aw.transpose()); // [K, h, w]
    return resized.transpose(1, 2, 0).reshape((long) h * w, headDim / 2, 2, 2);
  }

  /** {@code [out, in]} weights of PyTorch's bilinear resampling with align_corners=False. */
  static NDArray bilinearWeights(NDManager manager, int in, int out) {
    float[] a = new float[out * in];
    double scale = (double) in / out;
    for (int d = 0; d < out; d++) {
      double src = Math.max(0.0, (d + 0.5) * scale - 0.5);
      int i0 = (int) src;
      int i1 = i0 < in - 1 ? i0 + 1 : i0;
      double l1 = src - i0;
      a[d * in + i0] += (float) (1.0 - l1);
      a[d * in + i1] += (float) l1;
    }
    return NnUtil.constant(manager, a, new Shape(out, in));
  }

  /**
   * The 2x2 blocks' diagonals {@code (M_00, M_11)} and off-diagonals {@code (M_01, M_10)}, each laid
   * out {@code [d/2, 2, HW]}.
   */
  private NDArray[] coefficients(
      ParameterStore ps, Parameter mat, NDArray like, int h, int w, boolean training) {
    NDArray m = matricesFor(ps, mat, like, h, w, training).reshape(-1, headDim / 2, 4);
    return new NDArray[] {
      m.get(":, :, 0::3").transpose(1, 2, 0), m.get(":, :, 1:3").transpose(1, 2, 0)
    };
  }

  /**
   * Applies the 2x2 blocks to feature pairs: {@code x} has the pair component at {@code axis}
   * (followed by positions); {@code y_i = M_ii x_i + M_i(1-i) x_(1-i)}, i.e. {@code x *
   * diagonal + swap(x) * off-diagonal}: two broadcast multiply-adds and a flip, no slicing (whose
   * gradient would zero-fill and scatter full-size arrays).
   */
  private static NDArray rotate(NDArray x, NDArray[] coef, int axis) {
    return x.mul(coef[0]).add(x.flip(axis).mul(coef[1]));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return bind(ps, x, training).apply(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (matQ != null) {
      mapping.map(prefix + "mat_q", matQ);
      mapping.map(prefix + "mat_k", matK);
      mapping.map(prefix + "mat_v", matV);
      mapping.map(prefix + "mat_o", matO);
    }
    wQkv.collectReferenceKeys(prefix + "W_qkv.", mapping);
    wO.collectReferenceKeys(prefix + "W_o.", mapping);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder: {@code setChannels} and {@code setHeads} required; {@code optGta(h, w)} enables GTA. */
  public static final class Builder {
    private int channels;
    private int heads;
    private boolean linearWeights;
    private boolean gta;
    private int height;
    private int width;

    public Builder setChannels(int channels) {
      this.channels = channels;
      return this;
    }

    public Builder setHeads(int heads) {
      this.heads = heads;
      return this;
    }

    /**
     * W_qkv and W_o as Linear layers ({@code weight [out, in]}, the reference's {@code weight="fc"})
     * instead of 1x1 convolutions ({@code [out, in, 1, 1]}); the same map on every position.
     */
    public Builder optLinearWeights() {
      this.linearWeights = true;
      return this;
    }

    /** Enables GTA for a grid of {@code height x width} positions. */
    public Builder optGta(int height, int width) {
      this.gta = true;
      this.height = height;
      this.width = width;
      return this;
    }

    public GtaAttention build() {
      if (channels <= 0 || heads <= 0 || channels % heads != 0) {
        throw new IllegalArgumentException(
            "heads (" + heads + ") must divide channels (" + channels + ")");
      }
      if (gta && ((channels / heads) % 2 != 0 || height <= 0 || width <= 0)) {
        throw new IllegalArgumentException(
            "GTA needs an even head dimension and a positive grid size");
      }
      return new GtaAttention(this);
    }
  }
}
