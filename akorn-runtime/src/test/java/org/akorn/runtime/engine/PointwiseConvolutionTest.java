package org.akorn.runtime.engine;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The verification's oracle, every position, against the independently written loops. */
class PointwiseConvolutionTest {
  @Test
  void everyPositionMatchesTheLoops() {
    SplittableRandom random = new SplittableRandom(3);
    for (ConvGeometry s :
        List.of(
            new ConvGeometry(2, 5, 3, 3, 7, 6, 2, 1),
            new ConvGeometry(1, 17, 4, 4, 9, 9, 2, 2),
            new ConvGeometry(3, 2, 18, 5, 6, 8, 1, 2),
            new ConvGeometry(1, 3, 2, 2, 5, 5, 2, 0),
            new ConvGeometry(2, 4, 4, 1, 3, 3, 1, 0))) {
      float[] x = Errors.uniform(random, s.inputSize());
      float[] w = Errors.uniform(random, s.weightSize());
      float[] b = Errors.uniform(random, s.out());
      float[] g = Errors.uniform(random, s.outputSize());
      PointwiseConvolution oracle = new PointwiseConvolution(s, x, w, b, g);
      LoopConvolution loops = new LoopConvolution(s);
      double[] y = loops.forward(x, w, b);
      double[][] grads = loops.gradients(x, w, g);
      for (int i = 0; i < y.length; i++) {
        assertWithMessage("%s y[%s]", s, i).that(oracle.output(i)).isWithin(1e-12).of(y[i]);
      }
      for (int i = 0; i < grads[0].length; i++) {
        assertWithMessage("%s dx[%s]", s, i).that(oracle.inputGradient(i)).isWithin(1e-12).of(grads[0][i]);
      }
      for (int i = 0; i < grads[1].length; i++) {
        assertWithMessage("%s dw[%s]", s, i).that(oracle.weightGradient(i)).isWithin(1e-12).of(grads[1][i]);
      }
      for (int co = 0; co < s.out(); co++) {
        double expected = 0;
        int plane = s.outHeight() * s.outWidth();
        for (int n = 0; n < s.batch(); n++) {
          for (int p = 0; p < plane; p++) {
            expected += g[(n * s.out() + co) * plane + p];
          }
        }
        assertWithMessage("%s db[%s]", s, co).that(oracle.biasGradient(co)).isWithin(1e-12).of(expected);
      }
    }
  }
}
