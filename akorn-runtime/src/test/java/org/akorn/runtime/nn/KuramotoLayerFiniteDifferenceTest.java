package org.akorn.runtime.nn;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.DoubleBuffer;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The Kuramoto layer's gradients (through T steps, every coupling kind) against central finite
 * differences, in double precision: a check that does not trust the engine's backward kernels.
 * Loss: {@code sum(x_T * G) + sum_t sum(e_t * H_t)} for fixed random G, H; gradients with respect
 * to the initial state, the stimulus and every parameter, at 5 random coordinates each.
 */
class KuramotoLayerFiniteDifferenceTest {
  private static final double EPS = 1e-6;
  private static final double TOL = 1e-6;
  private static final int STEPS = 3;

  private static KuramotoLayer.Builder common() {
    return KuramotoLayer.builder()
        .setChannels(8)
        .setOscillatorDim(4)
        .optOmega(OmegaTerm.Scope.GLOBAL, 0.4f, true)
        .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
        .optLearnableGamma(0.7f)
        .optSteps(STEPS);
  }

  @Test
  void convCouplingGradientsMatchFiniteDifferences() {
    check("conv", common().setConvConnectivity(3), new Shape(2, 8, 5, 4));
  }

  @Test
  void convCouplingWithPerPairOmegaAndScaleAndBiasMatchesFiniteDifferences() {
    check(
        "conv per-pair omega",
        KuramotoLayer.builder()
            .setChannels(8)
            .setOscillatorDim(2)
            .setConvConnectivity(5)
            .optOmega(OmegaTerm.Scope.PER_PAIR, 0.3f, true)
            .optStimulusNorm(KuramotoLayer.StimulusNorm.SCALE_AND_BIAS)
            .optGamma(0.5f)
            .optSteps(STEPS),
        new Shape(2, 8, 4, 5));
  }

  @Test
  void attentionCouplingGradientsMatchFiniteDifferences() {
    check("attention", common().setAttentionConnectivity(2), new Shape(2, 8, 3, 4));
  }

  @Test
  void gtaAttentionCouplingGradientsMatchFiniteDifferences() {
    check("gta", common().setGtaAttentionConnectivity(2, 3, 4), new Shape(2, 8, 3, 4));
  }

  @Test
  void denseCouplingGradientsMatchFiniteDifferences() {
    check("dense", common().setDenseConnectivity(24), new Shape(2, 8, 3));
  }

  private static void check(String kind, KuramotoLayer.Builder builder, Shape shape) {
    try (NDManager m = NDManager.newBaseManager()) {
      KuramotoLayer layer = builder.build();
      layer.initialize(m, DataType.FLOAT64, shape, shape);
      SplittableRandom random = new SplittableRandom(kind.hashCode());
      NDArray x0 = normal(m, random, shape);
      NDArray c = normal(m, random, shape);
      NDArray g = normal(m, random, shape);
      NDArray h = normal(m, random, new Shape(STEPS + 1, shape.get(0)));
      ParameterStore ps = new ParameterStore(m, false);
      Supplier<Double> loss = () -> loss(layer, ps, x0, c, g, h, false).getDouble();

      x0.setRequiresGradient(true);
      c.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(loss(layer, ps, x0, c, g, h, true));
      }
      compare(kind + " x0", x0, x0.getGradient().toDoubleArray(), loss, random);
      compare(kind + " c", c, c.getGradient().toDoubleArray(), loss, random);
      int checked = 0;
      for (Pair<String, Parameter> p : layer.getParameters()) {
        NDArray value = p.getValue().getArray();
        compare(kind + " " + p.getKey(), value, value.getGradient().toDoubleArray(), loss, random);
        checked++;
      }
      assertWithMessage("%s parameters checked", kind).that(checked).isAtLeast(3);
    }
  }

  private static NDArray loss(
      KuramotoLayer layer,
      ParameterStore ps,
      NDArray x0,
      NDArray c,
      NDArray g,
      NDArray h,
      boolean training) {
    KuramotoResult r = layer.run(ps, x0, c, STEPS, null, false, training);
    NDArray total = r.last().mul(g).sum();
    for (int t = 0; t <= STEPS; t++) {
      total = total.add(r.energies().get(t).mul(h.get(t)).sum());
    }
    return total;
  }

  /** Central differences at 5 random coordinates of {@code array}, which is perturbed in place. */
  private static void compare(
      String what, NDArray array, double[] analytic, Supplier<Double> loss, SplittableRandom r) {
    assertWithMessage("%s gradient dtype", what)
        .that(array.getDataType())
        .isEqualTo(DataType.FLOAT64);
    double[] values = array.toDoubleArray();
    for (int k = 0; k < 5; k++) {
      int i = r.nextInt(values.length);
      double saved = values[i];
      values[i] = saved + EPS;
      array.set(DoubleBuffer.wrap(values));
      double plus = loss.get();
      values[i] = saved - EPS;
      array.set(DoubleBuffer.wrap(values));
      double minus = loss.get();
      values[i] = saved;
      array.set(DoubleBuffer.wrap(values));
      double numeric = (plus - minus) / (2 * EPS);
      assertWithMessage("%s gradient at %s (finite difference %s)", what, i, numeric)
          .that(analytic[i])
          .isWithin(TOL * Math.max(1, Math.abs(numeric)))
          .of(numeric);
    }
  }

  private static NDArray normal(NDManager m, SplittableRandom r, Shape shape) {
    double[] a = new double[(int) shape.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
    }
    return m.create(a, shape);
  }
}
