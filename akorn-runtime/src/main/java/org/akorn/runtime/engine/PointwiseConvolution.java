package org.akorn.runtime.engine;

/**
 * A convolution's output and gradients at single positions (or all of them), in double precision,
 * by direct sums over the input, weight and upstream gradient: the oracle every convolution check
 * of the runtime compares with. It shares nothing with the engine's kernels. Arrays are flat, row-major, PyTorch layout
 * ({@code x [B, Cin, H, W]}, {@code w [Cout, Cin, k, k]}, {@code g} shaped like the output);
 * gradients are those of {@code sum(y * g)}.
 */
final class PointwiseConvolution {
  private final ConvGeometry s;
  private final float[] x;
  private final float[] w;
  private final float[] b;
  private final float[] g;
  private final int oh;
  private final int ow;

  PointwiseConvolution(ConvGeometry s, float[] x, float[] w, float[] b, float[] g) {
    this.s = s;
    this.x = x;
    this.w = w;
    this.b = b;
    this.g = g;
    this.oh = s.outHeight();
    this.ow = s.outWidth();
  }

  /** {@code y} at flat output index {@code yi}. */
  double output(int yi) {
    int c = yi % ow;
    int r = (yi / ow) % oh;
    int co = (yi / (ow * oh)) % s.out();
    int n = yi / (ow * oh * s.out());
    int k = s.kernel();
    double sum = b == null ? 0 : b[co];
    for (int ci = 0; ci < s.in(); ci++) {
      for (int i = 0; i < k; i++) {
        int row = r * s.stride() - s.padding() + i;
        if (row < 0 || row >= s.height()) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          int col = c * s.stride() - s.padding() + j;
          if (col >= 0 && col < s.width()) {
            sum +=
                (double) x[((n * s.in() + ci) * s.height() + row) * s.width() + col]
                    * w[((co * s.in() + ci) * k + i) * k + j];
          }
        }
      }
    }
    return sum;
  }

  /** {@code d sum(y * g) / dx} at flat input index {@code xi}. */
  double inputGradient(int xi) {
    int col = xi % s.width();
    int row = (xi / s.width()) % s.height();
    int ci = (xi / (s.width() * s.height())) % s.in();
    int n = xi / (s.width() * s.height() * s.in());
    int k = s.kernel();
    double sum = 0;
    for (int i = 0; i < k; i++) {
      int rs = row + s.padding() - i; // = r * stride
      if (rs < 0 || rs % s.stride() != 0 || rs / s.stride() >= oh) {
        continue;
      }
      int r = rs / s.stride();
      for (int j = 0; j < k; j++) {
        int cs = col + s.padding() - j;
        if (cs < 0 || cs % s.stride() != 0 || cs / s.stride() >= ow) {
          continue;
        }
        int c = cs / s.stride();
        for (int co = 0; co < s.out(); co++) {
          sum +=
              (double) g[((n * s.out() + co) * oh + r) * ow + c]
                  * w[((co * s.in() + ci) * k + i) * k + j];
        }
      }
    }
    return sum;
  }

  /** {@code d sum(y * g) / dw} at flat weight index {@code wi}. */
  double weightGradient(int wi) {
    int k = s.kernel();
    int j = wi % k;
    int i = (wi / k) % k;
    int ci = (wi / (k * k)) % s.in();
    int co = wi / (k * k * s.in());
    double sum = 0;
    for (int n = 0; n < s.batch(); n++) {
      for (int r = 0; r < oh; r++) {
        int row = r * s.stride() - s.padding() + i;
        if (row < 0 || row >= s.height()) {
          continue;
        }
        for (int c = 0; c < ow; c++) {
          int col = c * s.stride() - s.padding() + j;
          if (col >= 0 && col < s.width()) {
            sum +=
                (double) g[((n * s.out() + co) * oh + r) * ow + c]
                    * x[((n * s.in() + ci) * s.height() + row) * s.width() + col];
          }
        }
      }
    }
    return sum;
  }

  /** {@code y} at every position. */
  double[] outputs() {
    return every(s.outputSize(), this::output);
  }

  /** {@code d sum(y * g) / dx} at every position. */
  double[] inputGradients() {
    return every(s.inputSize(), this::inputGradient);
  }

  /** {@code d sum(y * g) / dw} at every position. */
  double[] weightGradients() {
    return every(s.weightSize(), this::weightGradient);
  }

  private static double[] every(int size, java.util.function.IntToDoubleFunction at) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = at.applyAsDouble(i);
    }
    return out;
  }

  /** {@code d sum(y * g) / db} for output channel {@code co}. */
  double biasGradient(int co) {
    double sum = 0;
    int plane = oh * ow;
    for (int n = 0; n < s.batch(); n++) {
      int base = (n * s.out() + co) * plane;
      for (int p = 0; p < plane; p++) {
        sum += g[base + p];
      }
    }
    return sum;
  }
}
