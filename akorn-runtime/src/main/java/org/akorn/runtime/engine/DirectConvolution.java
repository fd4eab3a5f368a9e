package org.akorn.runtime.engine;

/**
 * Convolution by direct loops in double precision: the independent computation the engine's
 * convolution kernels are checked against. Arrays are flat, row-major, PyTorch layout
 * ({@code x [B, Cin, H, W]}, {@code w [Cout, Cin, k, k]}, {@code y [B, Cout, H', W']}). Gradients are
 * those of {@code sum(y * g)} for an upstream gradient {@code g} shaped like {@code y}.
 */
public final class DirectConvolution {
  private DirectConvolution() {}

  /** {@code y = conv(x, w) + b} ({@code b} may be null). */
  public static double[] forward(ConvGeometry s, float[] x, float[] w, float[] b) {
    double[] y = new double[s.outputSize()];
    visit(s, (yi, xi, wi) -> y[yi] += (double) x[xi] * w[wi]);
    if (b != null) {
      int plane = s.outHeight() * s.outWidth();
      for (int i = 0; i < y.length; i++) {
        y[i] += b[(i / plane) % s.out()];
      }
    }
    return y;
  }

  /** {@code d sum(y * g) / dx}. */
  public static double[] inputGradient(ConvGeometry s, float[] w, float[] g) {
    double[] dx = new double[s.inputSize()];
    visit(s, (yi, xi, wi) -> dx[xi] += (double) g[yi] * w[wi]);
    return dx;
  }

  /** {@code d sum(y * g) / dw}. */
  public static double[] weightGradient(ConvGeometry s, float[] x, float[] g) {
    double[] dw = new double[s.weightSize()];
    visit(s, (yi, xi, wi) -> dw[wi] += (double) g[yi] * x[xi]);
    return dw;
  }

  private interface Term {
    void accept(int outputIndex, int inputIndex, int weightIndex);
  }

  /** Calls {@code term} once for every (output, input, weight) triple of the convolution sum. */
  private static void visit(ConvGeometry s, Term term) {
    int oh = s.outHeight();
    int ow = s.outWidth();
    int k = s.kernel();
    for (int n = 0; n < s.batch(); n++) {
      for (int co = 0; co < s.out(); co++) {
        for (int r = 0; r < oh; r++) {
          for (int c = 0; c < ow; c++) {
            int yi = ((n * s.out() + co) * oh + r) * ow + c;
            for (int ci = 0; ci < s.in(); ci++) {
              for (int i = 0; i < k; i++) {
                int row = r * s.stride() - s.padding() + i;
                if (row < 0 || row >= s.height()) {
                  continue;
                }
                for (int j = 0; j < k; j++) {
                  int col = c * s.stride() - s.padding() + j;
                  if (col < 0 || col >= s.width()) {
                    continue;
                  }
                  int xi = ((n * s.in() + ci) * s.height() + row) * s.width() + col;
                  int wi = ((co * s.in() + ci) * k + i) * k + j;
                  term.accept(yi, xi, wi);
                }
              }
            }
          }
        }
      }
    }
  }
}
