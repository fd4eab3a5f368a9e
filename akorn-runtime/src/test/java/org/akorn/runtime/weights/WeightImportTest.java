package org.akorn.runtime.weights;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.akorn.runtime.nn.Conv2dBlock;
import org.akorn.runtime.nn.KuramotoLayer;
import org.akorn.runtime.nn.OmegaTerm;
import org.akorn.runtime.nn.SharedTransition;
import org.junit.jupiter.api.Test;

class WeightImportTest {

  private static KuramotoLayer convLayer(NDManager manager) {
    KuramotoLayer layer =
        KuramotoLayer.builder()
            .setChannels(16)
            .setOscillatorDim(4)
            .setConvConnectivity(3)
            .optOmega(OmegaTerm.Scope.GLOBAL, 1.0f, true)
            .optStimulusNorm(KuramotoLayer.StimulusNorm.GROUP)
            .build();
    Shape s = new Shape(2, 16, 6, 6);
    layer.initialize(manager, DataType.FLOAT32, s, s);
    return layer;
  }

  private static StateDict fixture(NDManager manager) throws IOException {
    try (InputStream in =
        WeightImportTest.class.getResourceAsStream("/golden/klayer_conv_gn_globalomega.npz")) {
      return StateDict.load(manager, in);
    }
  }

  private static List<float[]> snapshot(KuramotoLayer layer) {
    List<float[]> out = new ArrayList<>();
    for (Pair<String, Parameter> p : layer.getParameters()) {
      out.add(p.getValue().getArray().toFloatArray());
    }
    return out;
  }

  @Test
  void stateDictKeepsOnlyParamsAndBuffersWithoutPrefix() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(fixture(manager).keys())
          .containsExactly(
              "omg.omg_param",
              "connectivity.weight",
              "connectivity.bias",
              "c_norm.weight",
              "c_norm.bias")
          .inOrder();
    }
  }

  @Test
  void importsEveryMappedTensor() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      KuramotoLayer layer = convLayer(manager);
      StateDict sd = fixture(manager);
      WeightMapping mapping = WeightMapping.builder().add("", layer).build();
      mapping.importFrom(sd);
      for (var e : mapping.targets().entrySet()) {
        assertThat(e.getValue().getArray().toFloatArray())
            .usingExactEquality()
            .containsExactly(sd.get(e.getKey()).toFloatArray())
            .inOrder();
      }
    }
  }

  @Test
  void reportsMissingUnexpectedAndWronglyShapedTogetherAndLeavesModelUnchanged()
      throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      KuramotoLayer layer = convLayer(manager);
      List<float[]> before = snapshot(layer);
      StateDict sd =
          fixture(manager)
              .without("connectivity.bias")
              .with("omg.omg_param", manager.ones(new Shape(3)))
              .with("c_norm.weight", manager.ones(new Shape(4, 4)))
              .with("foo.bar", manager.zeros(new Shape(3)));
      WeightMapping mapping = WeightMapping.builder().add("", layer).build();
      WeightImportException e =
          assertThrows(WeightImportException.class, () -> mapping.importFrom(sd));
      assertThat(e)
          .hasMessageThat()
          .isEqualTo(
              "reference weights do not fit the model: 1 missing, 1 unexpected, 2 wrongly shaped"
                  + "\n  missing: connectivity.bias (model shape (16))"
                  + "\n  unexpected: foo.bar (shape (3))"
                  + "\n  wrong shape: omg.omg_param: reference (3), model (2)"
                  + "\n  wrong shape: c_norm.weight: reference (4, 4), model (16)");
      assertThat(e.missing()).hasSize(1);
      assertThat(e.unexpected()).hasSize(1);
      assertThat(e.wrongShape()).hasSize(2);
      List<float[]> after = snapshot(layer);
      for (int i = 0; i < before.size(); i++) {
        assertThat(after.get(i)).usingExactEquality().containsExactly(before.get(i)).inOrder();
      }
    }
  }

  @Test
  void ignoredKeysAreAcceptedAndNotImported() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Conv2dBlock conv = Conv2dBlock.builder().setChannels(1, 1).setKernel(1).build();
      conv.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 1));
      NDArray w = manager.full(new Shape(1, 1, 1, 1), 3f);
      w.setName("param.weight");
      NDArray b = manager.full(new Shape(1), 2f);
      b.setName("param.bias");
      NDArray x0 = manager.zeros(new Shape(5));
      x0.setName("param.x0");
      NDArray input = manager.zeros(new Shape(1));
      input.setName("in.x");
      WeightMapping mapping =
          WeightMapping.builder().add("", conv).ignore("x0", "unused by forward").build();
      mapping.importFrom(StateDict.of(new NDList(w, b, x0, input)));
      assertThat(mapping.targets().get("weight").getArray().getFloat(0, 0, 0, 0)).isEqualTo(3f);
      assertThat(mapping.ignored()).containsExactly("x0", "unused by forward");
    }
  }

  @Test
  void tiedKeysMustHoldEqualTensors() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SharedTransition t =
          new SharedTransition(Conv2dBlock.builder().setChannels(1, 1).setKernel(1).build());
      t.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 2, 2), new Shape(1, 1, 2, 2));
      NDList arrays = new NDList();
      float[] values = {1f, 1f, 5f, 1f};
      String[] names = {"0.weight", "0.bias", "1.weight", "1.bias"};
      for (int i = 0; i < 4; i++) {
        Shape s = names[i].endsWith("weight") ? new Shape(1, 1, 1, 1) : new Shape(1);
        NDArray a = manager.full(s, values[i]);
        a.setName(names[i]);
        arrays.add(a);
      }
      WeightMapping mapping = WeightMapping.builder().add("", t).build();
      WeightImportException e =
          assertThrows(
              WeightImportException.class, () -> mapping.importFrom(StateDict.of(arrays)));
      assertThat(e.inconsistent())
          .containsExactly("1.weight differs from 0.weight (same model parameter)");
    }
  }

  @Test
  void rejectsKeysMappedTwice() {
    WeightMapping.Builder b = WeightMapping.builder().ignore("a", "r");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.ignore("a", "again"));
    assertThat(e).hasMessageThat().isEqualTo("reference key mapped twice: a");
  }
}
