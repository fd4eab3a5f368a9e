package org.akorn.runtime.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * The ways the runtime can compute a 2-D convolution. All are exact (no approximation): they differ
 * only in which engine kernels run, so a path can route around kernels that compute wrong values
 * on a given CPU. Declared cheapest first: the order in which {@link ConvolutionPlanner} tries
 * them.
 */
public enum ConvolutionPath {
  /** The engine's own convolution, as called. */
  ENGINE("engine kernels") {
    @Override
    public NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
      return Conv2d.conv2d(
              x,
              w,
              b,
              new Shape(stride, stride),
              new Shape(padding, padding),
              new Shape(1, 1),
              1)
          .singletonOrThrow();
    }
  },

  /**
   * Input and output channels padded with zeros to multiples of {@value #CHANNEL_BLOCK}, the output
   * sliced back: the extra terms are exact zeros, and the engine runs its kernels for full channel
   * blocks only. Convolutions whose channels are already multiples run unchanged.
   */
  PADDED_CHANNELS("channels padded to multiples of 16") {
    @Override
    public NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
      long out = w.getShape().get(0);
      long in = w.getShape().get(1);
      long padIn = roundUp(in) - in;
      long padOut = roundUp(out) - out;
      if (padIn == 0 && padOut == 0) {
        return ENGINE.conv2d(x, w, b, stride, padding);
      }
      NDArray xp = x;
      NDArray wp = w;
      NDArray bp = b;
      if (padIn > 0) {
        Shape xs = x.getShape();
        Shape ws = w.getShape();
        xp = x.concat(zeros(x, new Shape(xs.get(0), padIn, xs.get(2), xs.get(3))), 1);
        wp = w.concat(zeros(w, new Shape(out, padIn, ws.get(2), ws.get(3))), 1);
      }
      if (padOut > 0) {
        Shape ws = wp.getShape();
        wp = wp.concat(zeros(w, new Shape(padOut, ws.get(1), ws.get(2), ws.get(3))), 0);
        if (b != null) {
          bp = b.concat(zeros(b, new Shape(padOut)));
        }
      }
      NDArray y = ENGINE.conv2d(xp, wp, bp, stride, padding);
      return padOut > 0 ? y.get(new NDIndex(":, :{}", out)) : y;
    }
  },

  /**
   * For stride {@code s > 1}: the engine's stride-1 convolution (same padding), then every
   * {@code s}-th output row and column, starting at the first. Exact: output {@code (r, c)} of the
   * strided convolution is output {@code (s*r, s*c)} of the stride-1 one. Costs about {@code s*s}
   * times the strided convolution; routes around kernels that are wrong only for strides above 1.
   * Stride-1 convolutions run as {@link #ENGINE}.
   */
  STRIDE_ONE_SUBSAMPLED("stride 1 then subsampled", true) {
    @Override
    public NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
      return subsample(ENGINE.conv2d(x, w, b, 1, padding), stride);
    }
  },

  /** {@link #PADDED_CHANNELS} at stride 1, then subsampled as {@link #STRIDE_ONE_SUBSAMPLED}. */
  PADDED_STRIDE_ONE_SUBSAMPLED(
      "channels padded to multiples of 16, stride 1 then subsampled", true) {
    @Override
    public NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
      return subsample(PADDED_CHANNELS.conv2d(x, w, b, 1, padding), stride);
    }
  },

  /**
   * Unfolded into one matrix product (im2col: the k*k shifted views of the zero-padded input
   * stacked as {@code [B, Cin*k*k, H'*W']}, times the weight as {@code [Cout, Cin*k*k]}): no
   * convolution kernel runs at all. Slower and more memory; the last resort.
   */
  UNFOLDED_MATMUL("unfolded matrix products") {
    @Override
    public NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding) {
      Shape xs = x.getShape();
      long batch = xs.get(0);
      long in = xs.get(1);
      long out = w.getShape().get(0);
      int k = (int) w.getShape().get(2);
      NDArray xp = x;
      if (padding > 0) {
        long h = xs.get(2);
        xp = zeros(x, new Shape(batch, in, h, padding));
        xp = xp.concat(x, 3).concat(xp, 3);
        NDArray rows = zeros(x, new Shape(batch, in, padding, xp.getShape().get(3)));
        xp = rows.concat(xp, 2).concat(rows, 2);
      }
      long oh = (xp.getShape().get(2) - k) / stride + 1;
      long ow = (xp.getShape().get(3) - k) / stride + 1;
      NDList views = new NDList(k * k);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          NDIndex window =
              new NDIndex(
                  ":, :, {}:{}:{}, {}:{}:{}",
                  i,
                  i + (oh - 1) * stride + 1,
                  stride,
                  j,
                  j + (ow - 1) * stride + 1,
                  stride);
          views.add(xp.get(window).reshape(batch, in, oh * ow));
        }
      }
      NDArray columns = NDArrays.stack(views, 2).reshape(batch, in * k * k, oh * ow);
      NDArray y = w.reshape(out, in * k * k).matMul(columns); // [B, Cout, H'*W']
      if (b != null) {
        y = y.add(b.reshape(out, 1));
      }
      return y.reshape(batch, out, oh, ow);
    }
  };

  /** The channel block of the padded path. */
  public static final int CHANNEL_BLOCK = 16;

  private final String description;
  private final boolean decomposesStride;

  ConvolutionPath(String description) {
    this(description, false);
  }

  ConvolutionPath(String description, boolean decomposesStride) {
    this.description = description;
    this.decomposesStride = decomposesStride;
  }

  /** {@code conv(x, w) + b} with {@code b} optional (null). */
  public abstract NDArray conv2d(NDArray x, NDArray w, NDArray b, int stride, int padding);

  /**
   * False when, for convolutions of this stride, the path computes exactly what a path before it
   * in {@link #values()} order computes (the stride decompositions at stride 1), so that trying it
   * again tells nothing new.
   */
  public boolean distinctFor(int stride) {
    return !decomposesStride || stride > 1;
  }

  /** A few words for logs and {@code akorn doctor}. */
  public String description() {
    return description;
  }

  /** Rows and columns {@code 0, s, 2s, ...} of {@code y [B, C, H, W]} ({@code y} itself for s = 1). */
  private static NDArray subsample(NDArray y, int s) {
    if (s == 1) {
      return y;
    }
    Shape ys = y.getShape();
    return y.get(new NDIndex(":, :, 0:{}:{}, 0:{}:{}", ys.get(2), s, ys.get(3), s));
  }

  private static NDArray zeros(NDArray like, Shape shape) {
    return like.getManager().zeros(shape, like.getDataType(), like.getDevice());
  }

  private static long roundUp(long channels) {
    return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
  }
}
