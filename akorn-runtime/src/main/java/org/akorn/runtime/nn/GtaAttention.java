package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Multi-head self-attention over all positions of {@code [B, C, H, W]} with 1x1 convolutions
 * {@code W_qkv} (C -> 3C) and {@code W_o} (C -> C), heads taking channels head-fastest
 * ({@code channel = d * heads + head}), scale {@code 1/sqrt(C/heads)}, and optionally GTA: learnable
 * per-position 2x2 blocks {@code mat_q, mat_k, mat_v, mat_o [H*W, head_dim/2, 2, 2]} applied to
 * consecutive feature pairs of each head (q, k, v before attention, o after it).
 *
 * <p>The GTA products are computed as two broadcast multiply-adds on paired features:
 * {@code y = x_even * M[:, :, :, 0] + x_odd * M[:, :, :, 1]}.
 */
public final class GtaAttention extends AkornBlock implements ArrayOp {
  private final int channels;
  private final int heads;
  private final int headDim;
  private final int height;
  private final int width;
  private final Conv2dBlock wQkv;
  private final Conv2dBlock wO;
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
    wQkv =
        addChildBlock(
            "W_qkv", Conv2dBlock.builder().setChannels(channels, 3 * channels).setKernel(1).build());
    wO = addChildBlock("W_o", Conv2dBlock.builder().setChannels(channels, channels).setKernel(1).build());
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
    NDArray[] rq = matQ == null ? null : columns(ps, matQ, like, training);
    NDArray[] rk = matQ == null ? null : columns(ps, matK, like, training);
    NDArray[] rv = matQ == null ? null : columns(ps, matV, like, training);
    NDArray[] ro = matQ == null ? null : columns(ps, matO, like, training);
    UnaryOperator<NDArray> qkv = wQkv.bind(ps, like, training);
    UnaryOperator<NDArray> out = wO.bind(ps, like, training);
    float scale = (float) (1.0 / Math.sqrt(headDim));
    return x -> {
      Shape s = x.getShape();
      long b = s.get(0);
      long h = s.get(2);
      long w = s.get(3);
      if (matQ != null && (h != height || w != width)) {
        throw new IllegalArgumentException(
            "GTA attention was built for a "
                + height
                + "x"
                + width
                + " grid, got "
                + h
                + "x"
                + w);
      }
      long hw = h * w;
      NDList parts = qkv.apply(x).split(3, 1);
      // [B, d, heads, HW] -> [B, heads, HW, d]
      NDArray q = parts.get(0).reshape(b, headDim, heads, hw).transpose(0, 2, 3, 1);
      NDArray k = parts.get(1).reshape(b, headDim, heads, hw).transpose(0, 2, 3, 1);
      NDArray v = parts.get(2).reshape(b, headDim, heads, hw).transpose(0, 2, 3, 1);
      if (rq != null) {
        q = rotate(q, rq);
        k = rotate(k, rk);
        v = rotate(v, rv);
      }
      NDArray attn = q.mul(scale).matMul(k.transpose(0, 1, 3, 2)).softmax(-1);
      NDArray o = attn.matMul(v);
      if (ro != null) {
        o = rotate(o, ro);
      }
      // [B, heads, HW, d] -> [B, d, heads, HW] -> [B, C, H, W]
      o = o.transpose(0, 3, 1, 2).reshape(b, channels, h, w);
      return out.apply(o);
    };
  }

  /** Columns 0 and 1 of the 2x2 blocks, each {@code [HW, d/2, 2]}. */
  private static NDArray[] columns(
      ParameterStore ps, Parameter mat, NDArray like, boolean training) {
    NDArray m = ps.getValue(mat, like.getDevice(), training);
    return new NDArray[] {m.get(":, :, :, 0"), m.get(":, :, :, 1")};
  }

  /** {@code x [B, heads, HW, d]}: per pair, {@code y = M x} with M given by its two columns. */
  private NDArray rotate(NDArray x, NDArray[] cols) {
    Shape s = x.getShape();
    NDArray pairs = x.reshape(s.get(0), s.get(1), s.get(2), headDim / 2, 2);
    NDArray even = pairs.get(":, :, :, :, 0:1");
    NDArray odd = pairs.get(":, :, :, :, 1:2");
    return even.mul(cols[0]).add(odd.mul(cols[1])).reshape(s);
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return bind(ps, x, training).apply(x);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
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
