package org.akorn.runtime.engine;

/**
 * A test-side convolution in double precision, written independently of the runtime's {@link
 * PointwiseConvolution}: the input is copied into an explicitly zero-padded buffer and gradients are
 * accumulated there, then cropped.
 */
final class LoopConvolution {
  final ConvGeometry s;
  private final int ph;
  private final int pw;

  LoopConvolution(ConvGeometry s) {
    this.s = s;
    this.ph = s.height() + 2 * s.padding();
    this.pw = s.width() + 2 * s.padding();
  }

  private double[] padded(float[] x) {
    double[] p = new double[s.batch() * s.in() * ph * pw];
    for (int n = 0; n < s.batch(); n++) {
      for (int c = 0; c < s.in(); c++) {
        for (int r = 0; r < s.height(); r++) {
          for (int q = 0; q < s.width(); q++) {
            p[((n * s.in() + c) * ph + r + s.padding()) * pw + q + s.padding()] =
                x[((n * s.in() + c) * s.height() + r) * s.width() + q];
          }
        }
      }
    }
    return p;
  }

  double[] forward(float[] x, float[] w, float[] b) {
    double[] p = padded(x);
    int oh = s.outHeight();
    int ow = s.outWidth();
    int k = s.kernel();
    double[] y = new double[s.outputSize()];
    for (int n = 0; n < s.batch(); n++) {
      for (int o = 0; o < s.out(); o++) {
        for (int r = 0; r < oh; r++) {
          for (int q = 0; q < ow; q++) {
            double acc = b == null ? 0 : b[o];
            for (int c = 0; c < s.in(); c++) {
              for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                  acc +=
                      w[((o * s.in() + c) * k + i) * k + j]
                          * p[((n * s.in() + c) * ph + r * s.stride() + i) * pw + q * s.stride() + j];
                }
              }
            }
            y[((n * s.out() + o) * oh + r) * ow + q] = acc;
          }
        }
      }
    }
    return y;
  }

  /** Gradients of {@code sum(y * g)}: {@code [0]} for x, {@code [1]} for w. */
  double[][] gradients(float[] x, float[] w, float[] g) {
    double[] p = padded(x);
    double[] dp = new double[p.length];
    double[] dw = new double[s.weightSize()];
    int oh = s.outHeight();
    int ow = s.outWidth();
    int k = s.kernel();
    for (int n = 0; n < s.batch(); n++) {
      for (int o = 0; o < s.out(); o++) {
        for (int r = 0; r < oh; r++) {
          for (int q = 0; q < ow; q++) {
            double go = g[((n * s.out() + o) * oh + r) * ow + q];
            for (int c = 0; c < s.in(); c++) {
              for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                  int pi = ((n * s.in() + c) * ph + r * s.stride() + i) * pw + q * s.stride() + j;
                  int wi = ((o * s.in() + c) * k + i) * k + j;
                  dp[pi] += go * w[wi];
                  dw[wi] += go * p[pi];
                }
              }
            }
          }
        }
      }
    }
    double[] dx = new double[s.inputSize()];
    for (int n = 0; n < s.batch(); n++) {
      for (int c = 0; c < s.in(); c++) {
        for (int r = 0; r < s.height(); r++) {
          for (int q = 0; q < s.width(); q++) {
            dx[((n * s.in() + c) * s.height() + r) * s.width() + q] =
                dp[((n * s.in() + c) * ph + r + s.padding()) * pw + q + s.padding()];
          }
        }
      }
    }
    return new double[][] {dx, dw};
  }
}
