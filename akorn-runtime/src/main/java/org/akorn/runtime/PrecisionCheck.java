package org.akorn.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A whole network run forward and backward twice on the same inputs, initial state and weights:
 * once in float32 (the kernels in use) and once with every parameter and float input in float64
 * (other kernels: PyTorch has no oneDNN float64 convolution), then compared. The loss is {@code
 * sum(output * g)} with a fixed random {@code g}, so every output element and every parameter
 * receives a gradient. A wrong float32 kernel shows as a difference far above rounding.
 */
public final class PrecisionCheck {
  /** Relative differences above this are reported as differing. */
  public static final double TOLERANCE = 1e-3;

  /** One compared quantity: {@code max |float32 - float64| / max |float64|}. */
  public record Difference(String name, double relative) {
    public boolean within() {
      return relative <= TOLERANCE;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "%s: %.1e%s", name, relative, within() ? "" : "  DIFFERS");
    }
  }

  /**
   * What the check found.
   *
   * @param output the network's output
   * @param gradients one per parameter, in the network's parameter order
   */
  public record Result(Difference output, List<Difference> gradients) {
    /** The largest difference of all. */
    public Difference worst() {
      Difference w = output;
      for (Difference d : gradients) {
        if (d.relative() > w.relative() || Double.isNaN(d.relative())) {
          w = d;
        }
      }
      return w;
    }
  }

  private PrecisionCheck() {}

  /** Runs {@code network} (initialised, float32) on {@code input} both ways, in eval mode. */
  public static Result run(AkornNetwork network, AkornInput input, long seed) {
    RunOptions options = RunOptions.defaults().withSeed(seed);
    List<Pair<String, Parameter>> params =
        network.getParameters().stream().filter(p -> p.getValue().requiresGradient()).toList();
    try (NDManager m = NDManager.newBaseManager(input.input().getDevice())) {
      // float32: the model as it runs.
      ParameterStore ps32 = new ParameterStore(m, false);
      Pass p32 = pass(network, ps32, input, options, seed, params, null);
      // float64: copies of the parameters, leaves of their own graph.
      Map<String, NDArray> copies = new HashMap<>();
      for (Pair<String, Parameter> p : network.getParameters()) {
        NDArray a = p.getValue().getArray().toType(DataType.FLOAT64, true);
        a.attach(m);
        a.setRequiresGradient(p.getValue().requiresGradient());
        copies.put(p.getValue().getId(), a);
      }
      ParameterStore ps64 =
          new ParameterStore(m, false) {
            @Override
            public NDArray getValue(Parameter p, Device device, boolean training) {
              NDArray copy = copies.get(p.getId());
              return copy != null ? copy : super.getValue(p, device, training);
            }
          };
      AkornInput in64 =
          new AkornInput(wide(input.input()), input.mask(), input.noise() == null ? null : wide(input.noise()));
      Pass p64 = pass(network, ps64, in64, options, seed, params, copies);
      List<Difference> grads = new ArrayList<>();
      for (Map.Entry<String, float[]> e : p32.gradients.entrySet()) {
        grads.add(
            new Difference(
                "gradient " + e.getKey(), relative(e.getValue(), p64.gradients.get(e.getKey()))));
      }
      return new Result(new Difference("output " + network.outputName(), relative(p32.output, p64.output)), grads);
    }
  }

  private static NDArray wide(NDArray a) {
    return a.getDataType() == DataType.FLOAT32 ? a.toType(DataType.FLOAT64, true) : a;
  }

  private record Pass(float[] output, Map<String, float[]> gradients) {}

  private static Pass pass(
      AkornNetwork network,
      ParameterStore ps,
      AkornInput in,
      RunOptions options,
      long seed,
      List<Pair<String, Parameter>> params,
      Map<String, NDArray> copies) {
    Map<String, float[]> grads = new LinkedHashMap<>();
    float[] out;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.zeroGradients();
      AkornResult r = network.run(ps, in, options);
      NDArray y = r.output(network.outputName());
      NDArray g = upstream(y, seed);
      gc.backward(y.mul(g.toType(y.getDataType(), false)).sum());
      out = y.toType(DataType.FLOAT32, false).toFloatArray();
    }
    for (Pair<String, Parameter> p : params) {
      NDArray a =
          copies == null ? p.getValue().getArray() : copies.get(p.getValue().getId());
      grads.put(
          p.getKey(),
          a == null
              ? new float[0]
              : a.getGradient().toType(DataType.FLOAT32, false).toFloatArray());
    }
    return new Pass(out, grads);
  }

  private static NDArray upstream(NDArray like, long seed) {
    Random r = new Random(seed ^ 0x5DEECE66DL);
    float[] g = new float[Math.toIntExact(like.getShape().size())];
    for (int i = 0; i < g.length; i++) {
      g[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return like.getManager().create(g, like.getShape());
  }

  private static double relative(float[] single, float[] dbl) {
    if (dbl == null || single.length != dbl.length) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < dbl.length; i++) {
      if (!Float.isFinite(single[i]) || !Float.isFinite(dbl[i])) {
        return Double.POSITIVE_INFINITY;
      }
      scale = Math.max(scale, Math.abs(dbl[i]));
      worst = Math.max(worst, Math.abs((double) single[i] - dbl[i]));
    }
    return scale == 0 ? (worst == 0 ? 0 : Double.POSITIVE_INFINITY) : worst / scale;
  }
}
