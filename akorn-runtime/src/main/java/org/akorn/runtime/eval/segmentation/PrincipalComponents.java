package org.akorn.runtime.eval.segmentation;

/** Leading eigenvectors of a symmetric positive semi-definite matrix (a covariance). */
final class PrincipalComponents {

  private PrincipalComponents() {}

  /**
   * The {@code k} eigenvectors of largest eigenvalue, unit length, by power iteration with
   * deflation from a fixed start (deterministic). A vector for an eigenvalue of 0 is 0.
   */
  static double[][] top(double[][] matrix, int k) {
    int d = matrix.length;
    double[][] a = new double[d][];
    for (int i = 0; i < d; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] vectors = new double[k][];
    for (int j = 0; j < k; j++) {
      double[] v = new double[d];
      for (int i = 0; i < d; i++) {
        v[i] = 1.0 + 0.01 * i; // not orthogonal to a leading eigenvector in practice
      }
      double lambda = 0;
      for (int iteration = 0; iteration < 500; iteration++) {
        double[] next = multiply(a, v);
        double norm = norm(next);
        if (norm == 0) {
          v = new double[d];
          lambda = 0;
          break;
        }
        for (int i = 0; i < d; i++) {
          next[i] /= norm;
        }
        double change = 0;
        for (int i = 0; i < d; i++) {
          change = Math.max(change, Math.abs(next[i] - v[i]));
        }
        v = next;
        lambda = norm;
        if (change < 1e-12) {
          break;
        }
      }
      vectors[j] = v;
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          a[r][c] -= lambda * v[r] * v[c];
        }
      }
    }
    return vectors;
  }

  private static double[] multiply(double[][] a, double[] v) {
    double[] out = new double[v.length];
    for (int r = 0; r < a.length; r++) {
      double s = 0;
      for (int c = 0; c < v.length; c++) {
        s += a[r][c] * v[c];
      }
      out[r] = s;
    }
    return out;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
