package org.akorn.runtime.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;

/**
 * A convolution's results, through DJL's own training path, against {@link LoopConvolution} on
 * seeded random data of one geometry.
 */
final class LoopErrors {
  /** A convolution under test. */
  interface Conv {
    NDArray apply(NDArray x, NDArray w, NDArray b, int stride, int padding);
  }

  private LoopErrors() {}

  /** Relative errors {forward, input gradient, weight gradient} of {@code conv} on {@code s}. */
  static double[] of(ConvGeometry s, SplittableRandom random, Conv conv) {
    float[] x = Errors.uniform(random, s.inputSize());
    float[] w = Errors.uniform(random, s.weightSize());
    float[] b = Errors.uniform(random, s.out());
    float[] g = Errors.uniform(random, s.outputSize());
    LoopConvolution loops = new LoopConvolution(s);
    double[] y = loops.forward(x, w, b);
    double[][] grads = loops.gradients(x, w, g);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray xa = m.create(x, new Shape(s.batch(), s.in(), s.height(), s.width()));
      NDArray wa = m.create(w, new Shape(s.out(), s.in(), s.kernel(), s.kernel()));
      NDArray ba = m.create(b);
      xa.setRequiresGradient(true);
      wa.setRequiresGradient(true);
      NDArray ya;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        ya = conv.apply(xa, wa, ba, s.stride(), s.padding());
        NDArray loss =
            ya.mul(m.create(g, new Shape(s.batch(), s.out(), s.outHeight(), s.outWidth()))).sum();
        gc.backward(loss);
      }
      return new double[] {
        Errors.relative(ya.toFloatArray(), y),
        Errors.relative(xa.getGradient().toFloatArray(), grads[0]),
        Errors.relative(wa.getGradient().toFloatArray(), grads[1])
      };
    }
  }
}
