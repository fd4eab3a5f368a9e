package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine's other kernels whose implementation depends on the CPU (vectorised reductions,
 * softmax, fused batch norm, matrix products), as the runtime calls them, against double-precision
 * loops on seeded random shapes: forward and the gradient of {@code sum(y * g)}. Odd sizes on
 * purpose: remainder loops are where CPU-specific kernels go wrong.
 */
class EngineKernelsDifferentialTest {
  private static final double TOL = 1e-4;
  private static final int SHAPES = 40;

  @Test
  void linearLayerForwardAndGradients() {
    SplittableRandom r = new SplittableRandom(1);
    for (int t = 0; t < SHAPES; t++) {
      int n = 1 + r.nextInt(20);
      int in = 1 + r.nextInt(300);
      int out = 1 + r.nextInt(70);
      float[] x = Errors.uniform(r, n * in);
      float[] w = Errors.uniform(r, out * in);
      float[] b = Errors.uniform(r, out);
      float[] g = Errors.uniform(r, n * out);
      double[] y = new double[n * out];
      double[] dx = new double[n * in];
      double[] dw = new double[out * in];
      for (int i = 0; i < n; i++) {
        for (int o = 0; o < out; o++) {
          double s = b[o];
          for (int k = 0; k < in; k++) {
            s += (double) x[i * in + k] * w[o * in + k];
            dx[i * in + k] += (double) g[i * out + o] * w[o * in + k];
            dw[o * in + k] += (double) g[i * out + o] * x[i * in + k];
          }
          y[i * out + o] = s;
        }
      }
      String what = "linear " + n + "x" + in + " -> " + out;
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray xa = m.create(x, new Shape(n, in));
        NDArray wa = m.create(w, new Shape(out, in));
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        NDArray ya;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ya = Linear.linear(xa, wa, m.create(b)).singletonOrThrow();
          gc.backward(ya.mul(m.create(g, new Shape(n, out))).sum());
        }
        check(what + " forward", ya, y);
        check(what + " input gradient", xa.getGradient(), dx);
        check(what + " weight gradient", wa.getGradient(), dw);
      }
    }
  }

  @Test
  void attentionMatmulsAndSoftmaxForwardAndGradients() {
    SplittableRandom r = new SplittableRandom(2);
    for (int t = 0; t < SHAPES; t++) {
      int b = 1 + r.nextInt(3);
      int heads = 1 + r.nextInt(8);
      int len = 1 + r.nextInt(90);
      int d = 1 + r.nextInt(40);
      int bh = b * heads;
      float[] q = Errors.uniform(r, bh * len * d);
      float[] k = Errors.uniform(r, bh * d * len);
      float[] g = Errors.uniform(r, bh * len * len);
      // y = softmax(q @ k, last axis); reference and its gradient in double.
      double[] y = new double[bh * len * len];
      double[] dq = new double[q.length];
      double[] dk = new double[k.length];
      for (int h = 0; h < bh; h++) {
        for (int i = 0; i < len; i++) {
          double[] s = new double[len];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j < len; j++) {
            for (int c = 0; c < d; c++) {
              s[j] += (double) q[(h * len + i) * d + c] * k[(h * d + c) * len + j];
            }
            max = Math.max(max, s[j]);
          }
          double z = 0;
          for (int j = 0; j < len; j++) {
            s[j] = Math.exp(s[j] - max);
            z += s[j];
          }
          double dot = 0;
          for (int j = 0; j < len; j++) {
            s[j] /= z;
            y[(h * len + i) * len + j] = s[j];
            dot += s[j] * g[(h * len + i) * len + j];
          }
          for (int j = 0; j < len; j++) {
            double ds = s[j] * (g[(h * len + i) * len + j] - dot); // d loss / d score
            for (int c = 0; c < d; c++) {
              dq[(h * len + i) * d + c] += ds * k[(h * d + c) * len + j];
              dk[(h * d + c) * len + j] += ds * q[(h * len + i) * d + c];
            }
          }
        }
      }
      String what = "softmax(q @ k) [" + b + ", " + heads + ", " + len + ", " + d + "]";
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray qa = m.create(q, new Shape(b, heads, len, d));
        NDArray ka = m.create(k, new Shape(b, heads, d, len));
        qa.setRequiresGradient(true);
        ka.setRequiresGradient(true);
        NDArray ya;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ya = qa.matMul(ka).softmax(-1);
          gc.backward(ya.mul(m.create(g, new Shape(b, heads, len, len))).sum());
        }
        check(what + " forward", ya, y);
        check(what + " q gradient", qa.getGradient(), dq);
        check(what + " k gradient", ka.getGradient(), dk);
      }
    }
  }

  @Test
  void batchNormTrainingAndEvalForwardAndInputGradient() {
    SplittableRandom r = new SplittableRandom(3);
    for (int t = 0; t < SHAPES; t++) {
      int n = 2 + r.nextInt(6);
      int c = 1 + r.nextInt(40);
      int hw = 1 + r.nextInt(60);
      float[] x = Errors.uniform(r, n * c * hw);
      float[] w = Errors.uniform(r, c);
      float[] b = Errors.uniform(r, c);
      float[] rm = Errors.uniform(r, c);
      float[] rv = new float[c];
      for (int i = 0; i < c; i++) {
        rv[i] = 0.5f + (float) r.nextDouble();
      }
      float[] g = Errors.uniform(r, x.length);
      double eps = 1e-5;
      for (boolean training : new boolean[] {true, false}) {
        double[] y = new double[x.length];
        double[] dx = new double[x.length];
        int count = n * hw;
        for (int ch = 0; ch < c; ch++) {
          double mean = rm[ch];
          double var = rv[ch];
          if (training) {
            mean = 0;
            for (int i = 0; i < n; i++) {
              for (int p = 0; p < hw; p++) {
                mean += x[(i * c + ch) * hw + p];
              }
            }
            mean /= count;
            var = 0;
            for (int i = 0; i < n; i++) {
              for (int p = 0; p < hw; p++) {
                double e = x[(i * c + ch) * hw + p] - mean;
                var += e * e;
              }
            }
            var /= count;
          }
          double inv = 1 / Math.sqrt(var + eps);
          double sumG = 0;
          double sumGXhat = 0;
          for (int i = 0; i < n; i++) {
            for (int p = 0; p < hw; p++) {
              int at = (i * c + ch) * hw + p;
              double xhat = (x[at] - mean) * inv;
              y[at] = xhat * w[ch] + b[ch];
              sumG += g[at];
              sumGXhat += g[at] * xhat;
            }
          }
          for (int i = 0; i < n; i++) {
            for (int p = 0; p < hw; p++) {
              int at = (i * c + ch) * hw + p;
              double xhat = (x[at] - mean) * inv;
              dx[at] =
                  training
                      ? w[ch] * inv * (g[at] - sumG / count - xhat * sumGXhat / count)
                      : w[ch] * inv * g[at];
            }
          }
        }
        String what = "batch norm " + (training ? "training" : "eval") + " [" + n + ", " + c
            + ", " + hw + "]";
        try (NDManager m = NDManager.newBaseManager()) {
          NDArray xa = m.create(x, new Shape(n, c, hw, 1));
          xa.setRequiresGradient(true);
          NDArray ya;
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            ya =
                BatchNorm.batchNorm(
                        xa, m.create(rm), m.create(rv), m.create(w), m.create(b), 1, 0.9f,
                        (float) eps, training)
                    .singletonOrThrow();
            gc.backward(ya.mul(m.create(g, new Shape(n, c, hw, 1))).sum());
          }
          check(what + " forward", ya, y);
          check(what + " input gradient", xa.getGradient(), dx);
        }
      }
    }
  }

  @Test
  void poolingMeansAndMaximaForwardAndGradients() {
    SplittableRandom r = new SplittableRandom(4);
    for (int t = 0; t < SHAPES; t++) {
      int n = 1 + r.nextInt(5);
      int c = 1 + r.nextInt(70);
      int len = 1 + r.nextInt(400);
      float[] x = Errors.uniform(r, n * c * len);
      float[] g = Errors.uniform(r, n * c);
      double[] mean = new double[n * c];
      double[] max = new double[n * c];
      double[] dMean = new double[x.length];
      double[] dMax = new double[x.length];
      for (int row = 0; row < n * c; row++) {
        int arg = 0;
        for (int p = 0; p < len; p++) {
          mean[row] += x[row * len + p];
          if (x[row * len + p] > x[row * len + arg]) {
            arg = p;
          }
          dMean[row * len + p] = (double) g[row] / len;
        }
        mean[row] /= len;
        max[row] = x[row * len + arg];
        dMax[row * len + arg] = g[row];
      }
      String what = "pooling [" + n + ", " + c + ", " + len + "]";
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray xa = m.create(x, new Shape(n, c, len));
        NDArray ga = m.create(g, new Shape(n, c));
        xa.setRequiresGradient(true);
        NDArray ya;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ya = xa.mean(new int[] {2});
          gc.backward(ya.mul(ga).sum());
        }
        check(what + " mean", ya, mean);
        check(what + " mean gradient", xa.getGradient(), dMean);
        NDArray xb = m.create(x, new Shape(n, c, len));
        xb.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          ya = xb.max(new int[] {2});
          gc.backward(ya.mul(ga).sum());
        }
        check(what + " max", ya, max);
        check(what + " max gradient", xb.getGradient(), dMax);
      }
    }
  }

  private static void check(String what, NDArray actual, double[] expected) {
    assertWithMessage(what)
        .that(Errors.relative(actual.toFloatArray(), expected))
        .isAtMost(TOL);
  }
}
