package org.akorn.runtime.golden;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.weights.StateDict;
import org.akorn.runtime.weights.WeightMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One golden fixture (test resource {@code golden/<case>.npz}) and its comparisons. */
final class Golden {
  static final double FORWARD_TOL = 1e-4;
  static final double GRAD_TOL = 1e-3;
  private static final Logger LOG = LoggerFactory.getLogger(Golden.class);

  final String name;
  final NDList arrays;
  final Map<String, NDArray> byName = new LinkedHashMap<>();
  double maxForward;
  double maxGrad;

  Golden(NDManager manager, String name) {
    this.name = name;
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".npz")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource golden/" + name + ".npz");
      }
      arrays = NDList.decode(manager, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (NDArray a : arrays) {
      byName.put(a.getName(), a);
    }
  }

  NDArray get(String key) {
    NDArray a = byName.get(key);
    if (a == null) {
      throw new IllegalArgumentException(name + " has no array " + key);
    }
    return a;
  }

  boolean has(String key) {
    return byName.containsKey(key);
  }

  StateDict stateDict() {
    return StateDict.of(arrays);
  }

  /** Keys with the given prefix, prefix removed, in file order. */
  List<String> keys(String prefix) {
    List<String> out = new ArrayList<>();
    for (String k : byName.keySet()) {
      if (k.startsWith(prefix)) {
        out.add(k.substring(prefix.length()));
      }
    }
    return out;
  }

  /** max|a - ref| / max(1, max|ref|), asserted within 1e-4. */
  double assertForward(String what, NDArray actual, String refKey) {
    NDArray ref = get(refKey).toType(DataType.FLOAT32, false);
    NDArray act = actual.toType(DataType.FLOAT32, false).toDevice(ref.getDevice(), false);
    assertWithMessage("%s %s shape", name, what).that(act.getShape()).isEqualTo(ref.getShape());
    double diff = act.sub(ref).abs().max().getFloat();
    double scale = Math.max(1.0, ref.abs().max().getFloat());
    double err = diff / scale;
    maxForward = Math.max(maxForward, err);
    assertWithMessage("%s %s vs %s: max rel error", name, what, refKey)
        .that(err)
        .isAtMost(FORWARD_TOL);
    return err;
  }

  /** Relative L2 of every {@code grad.<key>} against the mapped parameter's gradient. */
  void assertGradients(WeightMapping mapping) {
    List<String> keys = keys("grad.");
    assertWithMessage("%s has gradients", name).that(keys).isNotEmpty();
    for (String key : keys) {
      Parameter p = mapping.targets().get(key);
      assertWithMessage("%s: no parameter for grad.%s", name, key).that(p).isNotNull();
      NDArray ref = get("grad." + key);
      NDArray g = p.getArray().getGradient().toDevice(ref.getDevice(), false);
      double num = g.sub(ref).square().sum().sqrt().getFloat();
      double den = Math.max(ref.square().sum().sqrt().getFloat(), 1e-12);
      double err = num / den;
      maxGrad = Math.max(maxGrad, err);
      assertWithMessage("%s grad %s: relative L2", name, key).that(err).isAtMost(GRAD_TOL);
    }
  }

  void report() {
    LOG.info(
        "PARITY {}: forward max rel error {}, gradient max rel L2 {}",
        name,
        String.format("%.3e", maxForward),
        has("grad." + keys("grad.").stream().findFirst().orElse("-"))
            ? String.format("%.3e", maxGrad)
            : "n/a");
  }
}
