package org.akorn.codegen;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.io.NpzFiles;
import org.akorn.runtime.nn.Gradients;
import org.akorn.runtime.weights.WeightMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every golden fixture, reproduced through the class generated from {@code
 * examples/models/golden/<case>.akorn}: reference weights imported by their own key names,
 * outputs, states and energies within 1e-4 of max(1, max|ref|), gradients of the fixture's loss
 * within 1e-3 relative L2.
 */
class GeneratedParityTest {
  static final Path FIXTURES = Path.of("src", "test", "resources", "golden");
  static final double FORWARD_TOL = 1e-4;
  static final double GRAD_TOL = 1e-3;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "klayer_conv_gn_globalomega, org.akorn.golden.KlayerConvGnGlobalOmega, layer, true",
    "klayer_attn_channelomega, org.akorn.golden.KlayerAttnChannelOmega, layer, true",
    "klayer_attn_gta, org.akorn.golden.KlayerAttnGta, layer, true",
    "klayer_conv_noproj_sandb, org.akorn.golden.KlayerConvNoprojSandb, layer, true",
    "readout_bn_eval, org.akorn.golden.ReadoutBnEval, none, false",
    "sudoku_model, org.akorn.golden.SudokuModel, logits, true",
    "objects_model, org.akorn.golden.ObjectsModel, none, false",
    "classification_model, org.akorn.golden.ClassificationModel, none, false",
    "sudoku_transformer, org.akorn.golden.SudokuTransformer, logits, true",
    "sudoku_itrsa, org.akorn.golden.SudokuItrsa, logits, true",
  })
  void generatedModelReproducesTheFixture(String caseName, String className, String loss, boolean training)
      throws Exception {
    try (NDManager manager = NDManager.newBaseManager();
        AkornModel model = GeneratedClasses.build(className)) {
      Map<String, NDArray> fixture = load(manager, FIXTURES.resolve(caseName + ".npz"));
      model.importReferenceWeights(FIXTURES.resolve(caseName + ".npz"));
      Map<String, NDArray> inputs = inputs(fixture);
      NDArray initial = fixture.containsKey("in.x0") ? fixture.get("in.x0") : fixture.get("in.noise");
      RunOptions options = RunOptions.defaults().withKeepStates(true).withTraining(training);
      double forward;
      double grad = Double.NaN;
      if (loss.equals("none")) {
        forward = compareOutputs(fixture, model.forward(inputs, initial, options));
      } else {
        Gradients.zero(model.network());
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          AkornResult r = model.forward(inputs, initial, options);
          forward = compareOutputs(fixture, r);
          gc.backward(loss(loss, r, fixture));
        }
        grad = compareGradients(fixture, (WeightMapping) GeneratedClasses.call(model, "referenceMapping"));
      }
      System.out.printf("PARITY generated %s: forward max rel error %.3e, gradient max rel L2 %s%n",
          caseName, forward, Double.isNaN(grad) ? "n/a" : String.format("%.3e", grad));
    }
  }

  static Map<String, NDArray> load(NDManager manager, Path npz) throws IOException {
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (NDArray a : NpzFiles.toNDList(manager, NpzFiles.read(npz))) {
      byName.put(a.getName(), a);
    }
    return byName;
  }

  /** The fixture's inputs under the models' declared names. */
  static Map<String, NDArray> inputs(Map<String, NDArray> fixture) {
    Map<String, NDArray> in = new LinkedHashMap<>();
    for (var e : fixture.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("in.")) {
        continue;
      }
      String name = key.substring(3);
      switch (name) {
        case "x0", "noise", "loss_weight", "X_onehot" -> {}
        case "is_input" -> {
          NDArray mask = e.getValue();
          long[] s = mask.getShape().getShape();
          in.put("given", mask.reshape(s[0], s[1], s[2]).toType(DataType.BOOLEAN, false));
        }
        default -> in.put(name, e.getValue());
      }
    }
    return in;
  }

  /** Every {@code out.<name>[.<i>[.<j>]]} against the named output (indexed by i, j). */
  static double compareOutputs(Map<String, NDArray> fixture, AkornResult r) {
    double worst = 0;
    int compared = 0;
    for (var e : fixture.entrySet()) {
      if (!e.getKey().startsWith("out.")) {
        continue;
      }
      String[] parts = e.getKey().substring(4).split("\\.");
      NDArray actual = r.output(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        actual = actual.get(Long.parseLong(parts[i]));
      }
      worst = Math.max(worst, relativeError(e.getKey(), actual, e.getValue()));
      compared++;
    }
    assertThat(compared).isGreaterThan(0);
    return worst;
  }

  static double relativeError(String what, NDArray actual, NDArray expected) {
    NDArray ref = expected.toType(DataType.FLOAT32, false);
    NDArray act = actual.toType(DataType.FLOAT32, false);
    assertWithMessage("%s shape", what).that(act.getShape()).isEqualTo(ref.getShape());
    double err = act.sub(ref).abs().max().getFloat() / Math.max(1.0, ref.abs().max().getFloat());
    assertWithMessage("%s: max rel error", what).that(err).isAtMost(FORWARD_TOL);
    return err;
  }

  private static NDArray loss(String kind, AkornResult r, Map<String, NDArray> fixture) {
    NDArray weight = fixture.get("in.loss_weight");
    if (kind.equals("logits")) {
      return r.output("logits").mul(weight).sum();
    }
    var layer = r.layers().get(0);
    NDArray loss = layer.last().mul(weight).sum();
    List<NDArray> energies = layer.energies();
    for (int t = 1; t < energies.size(); t++) {
      loss = loss.add(energies.get(t).sum().mul(0.01f));
    }
    return loss;
  }

  private static double compareGradients(Map<String, NDArray> fixture, WeightMapping mapping) {
    double worst = 0;
    int compared = 0;
    for (var e : fixture.entrySet()) {
      if (!e.getKey().startsWith("grad.")) {
        continue;
      }
      String key = e.getKey().substring(5);
      Parameter p = mapping.targets().get(key);
      assertWithMessage("no parameter for %s", key).that(p).isNotNull();
      NDArray ref = e.getValue();
      NDArray g = p.getArray().getGradient();
      double err = g.sub(ref).square().sum().sqrt().getFloat()
          / Math.max(ref.square().sum().sqrt().getFloat(), 1e-12);
      assertWithMessage("grad %s: relative L2", key).that(err).isAtMost(GRAD_TOL);
      worst = Math.max(worst, err);
      compared++;
    }
    assertThat(compared).isGreaterThan(0);
    return worst;
  }
}
