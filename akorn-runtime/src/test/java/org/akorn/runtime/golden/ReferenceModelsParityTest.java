package org.akorn.runtime.golden;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.ReferenceLayouts;
import org.akorn.runtime.ReferenceModels;
import org.akorn.runtime.RunOptions;
import org.junit.jupiter.api.Test;

/** Builds each model family from the fixture's reference kwargs and checks the outputs. */
class ReferenceModelsParityTest {

  private static Map<String, Object> kwargs(String name) throws IOException {
    try (InputStream in = ReferenceModelsParityTest.class.getResourceAsStream("/golden/" + name + ".json")) {
      Map<String, Object> json =
          new Gson()
              .fromJson(
                  new InputStreamReader(in, StandardCharsets.UTF_8),
                  new TypeToken<Map<String, Object>>() {}.getType());
      @SuppressWarnings("unchecked")
      Map<String, Object> kw = (Map<String, Object>) json.get("kwargs");
      return kw;
    }
  }

  @Test
  void sudokuFromKwargs() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Golden g = new Golden(m, "sudoku_model");
      AkornNetwork net = ReferenceModels.sudoku(kwargs("sudoku_model"));
      net.initialize(m, DataType.FLOAT32, g.get("in.digits").getShape());
      ReferenceLayouts.sudoku(net).importFrom(g.stateDict());
      AkornResult r =
          net.run(
              new ParameterStore(m, false),
              AkornInput.of(g.get("in.digits"))
                  .withMask(g.get("in.is_input"))
                  .withNoise(g.get("in.noise")),
              RunOptions.defaults());
      g.assertForward("logits", r.output("logits"), "out.logits");
    }
  }

  @Test
  void objectsFromKwargs() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Golden g = new Golden(m, "objects_model");
      AkornNetwork net = ReferenceModels.objects(kwargs("objects_model"));
      net.initialize(m, DataType.FLOAT32, g.get("in.image").getShape());
      ReferenceLayouts.objects(net).importFrom(g.stateDict());
      AkornResult r =
          net.run(
              new ParameterStore(m, false),
              AkornInput.of(g.get("in.image")).withNoise(g.get("in.noise")),
              RunOptions.defaults());
      g.assertForward("features", r.output("features"), "out.features");
      g.assertForward("c_last", r.output("c_last"), "out.c_last");
    }
  }

  @Test
  void classificationFromKwargs() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Golden g = new Golden(m, "classification_model");
      AkornNetwork net = ReferenceModels.classification(kwargs("classification_model"));
      net.initialize(m, DataType.FLOAT32, g.get("in.image").getShape());
      ReferenceLayouts.classification(net).importFrom(g.stateDict());
      AkornResult r =
          net.run(
              new ParameterStore(m, false),
              AkornInput.of(g.get("in.image")).withNoise(g.get("in.noise")),
              RunOptions.defaults());
      g.assertForward("logits", r.output("logits"), "out.logits");
    }
  }

  @Test
  void rejectsUnknownArguments() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReferenceModels.sudoku(Map.of("n", 4, "chanels", 32)));
    assertThat(e).hasMessageThat().isEqualTo("SudokuAKOrN: unknown arguments [chanels]");
  }
}
