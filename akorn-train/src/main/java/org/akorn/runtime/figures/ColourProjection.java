package org.akorn.runtime.figures;

/**
 * Projects vectors (oscillator states per cell or patch) to colours by their first three principal
 * components: one projection, from the mean and covariance of all vectors of all frames, and one
 * scaling of each component to [0, 1] by its minimum and maximum, so colours compare across frames.
 */
public final class ColourProjection {
  private ColourProjection() {}

  /**
   * @param vectors {@code [frame][cell][dim]}
   * @return {@code [frame][cell][3]} in [0, 1]; one projection and one scaling for all frames
   */
  public static float[][][] toRgb(float[][][] vectors) {
    int dim = vectors[0][0].length;
    double[] mean = new double[dim];
    int count = 0;
    for (float[][] frame : vectors) {
      for (float[] v : frame) {
        for (int d = 0; d < dim; d++) {
          mean[d] += v[d];
        }
        count++;
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= count;
    }
    double[][] cov = new double[dim][dim];
    for (float[][] frame : vectors) {
      for (float[] v : frame) {
        for (int a = 0; a < dim; a++) {
          double va = v[a] - mean[a];
          for (int b = a; b < dim; b++) {
            cov[a][b] += va * (v[b] - mean[b]);
          }
        }
      }
    }
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    double[][] components = topComponents(cov, Math.min(3, dim));
    float[][][] out = new float[vectors.length][][];
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    double[][][] proj = new double[vectors.length][][];
    for (int f = 0; f < vectors.length; f++) {
      proj[f] = new double[vectors[f].length][3];
      for (int i = 0; i < vectors[f].length; i++) {
        for (int k = 0; k < components.length; k++) {
          double s = 0;
          for (int d = 0; d < dim; d++) {
            s += (vectors[f][i][d] - mean[d]) * components[k][d];
          }
          proj[f][i][k] = s;
          lo[k] = Math.min(lo[k], s);
          hi[k] = Math.max(hi[k], s);
        }
      }
    }
    for (int f = 0; f < vectors.length; f++) {
      out[f] = new float[vectors[f].length][3];
      for (int i = 0; i < vectors[f].length; i++) {
        for (int k = 0; k < 3; k++) {
          double range = k < components.length ? hi[k] - lo[k] : 0;
          out[f][i][k] = range > 1e-12 ? (float) ((proj[f][i][k] - lo[k]) / range) : 0.5f;
        }
      }
    }
    return out;
  }

  /** The leading eigenvectors of a symmetric matrix by power iteration with deflation. */
  public static double[][] topComponents(double[][] matrix, int k) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] out = new double[k][];
    for (int c = 0; c < k; c++) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = 1.0 / Math.sqrt(n) * (1 + 0.01 * ((i * 7919 + c * 104729) % 13));
      }
      double lambda = 0;
      for (int it = 0; it < 300; it++) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < n; j++) {
            s += a[i][j] * v[j];
          }
          w[i] = s;
        }
        double norm = 0;
        for (double x : w) {
          norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm < 1e-30) {
          break;
        }
        for (int i = 0; i < n; i++) {
          v[i] = w[i] / norm;
        }
        lambda = norm;
      }
      out[c] = v;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i][j] -= lambda * v[i] * v[j];
        }
      }
    }
    return out;
  }
}
