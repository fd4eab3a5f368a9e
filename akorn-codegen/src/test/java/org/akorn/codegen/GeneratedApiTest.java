package org.akorn.codegen;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.akorn.codegen.compile.InMemoryJavaCompiler;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.checkpoint.InvalidCheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated API as a user calls it: typed builder, records, forward, T extension, checkpoints. */
class GeneratedApiTest {
  static final Path FIXTURES = GeneratedParityTest.FIXTURES;

  /** User code compiled against the generated classes: the typed API must read like this. */
  static final String USER_CODE = String.join("\n",
      "package demo;",
      "",
      "import ai.djl.ndarray.NDArray;",
      "import java.nio.file.Path;",
      "import org.akorn.golden.SudokuModel;",
      "import org.akorn.runtime.RunOptions;",
      "",
      "public final class UserCode {",
      "  private UserCode() {}",
      "",
      "  /** Returns {logits, states of the extended run, energies of the extended run}. */",
      "  public static NDArray[] solve(Path weights, NDArray digits, NDArray given, NDArray noise) throws java.io.IOException {",
      "    try (SudokuModel model = SudokuModel.builder().T(4).build()) {",
      "      model.importReferenceWeights(weights);",
      "      SudokuModel.Input input = new SudokuModel.Input(digits, given);",
      "      SudokuModel.Output out = model.forward(input, noise);",
      "      SudokuModel.Output longer = model.forward(input, noise, RunOptions.defaults().withSteps(8));",
      "      return new NDArray[] {out.logits().duplicate(), longer.xs().duplicate(), longer.es().duplicate()};",
      "    }",
      "  }",
      "}",
      "");

  @TempDir Path dir;

  @Test
  void typedApiRunsTheSudokuFixtureAndExtendsT() throws Exception {
    List<GeneratedFile> files = new ArrayList<>(Examples.generateAll().files());
    files.add(new GeneratedFile("demo/UserCode.java", USER_CODE));
    InMemoryJavaCompiler.Result c = InMemoryJavaCompiler.compile(
        files, System.getProperty("java.class.path"), getClass().getClassLoader());
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).isEmpty();
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fx = GeneratedParityTest.load(m, FIXTURES.resolve("sudoku_model.npz"));
      Map<String, NDArray> in = GeneratedParityTest.inputs(fx);
      NDArray[] r = (NDArray[]) c.classLoader().loadClass("demo.UserCode")
          .getMethod("solve", Path.class, NDArray.class, NDArray.class, NDArray.class)
          .invoke(null, FIXTURES.resolve("sudoku_model.npz"), in.get("digits"), in.get("given"), fx.get("in.noise"));
      GeneratedParityTest.relativeError("logits", r[0], fx.get("out.logits"));
      assertThat(r[1].getShape()).isEqualTo(new Shape(8, 2, 32, 9, 9));
      assertThat(r[2].getShape()).isEqualTo(new Shape(9, 2));
      // the first four steps of the extended run are the fixture's
      GeneratedParityTest.relativeError("xs.3", r[1].get(3), fx.get("out.xs.3"));
    }
  }

  @Test
  void wrongInputShapeAndTypeIsOneClearMessage() throws Exception {
    try (NDManager m = NDManager.newBaseManager();
        AkornModel model = GeneratedClasses.build("org.akorn.golden.SudokuModel")) {
      NDArray digits = m.zeros(new Shape(2, 9, 8), DataType.FLOAT32);
      NDArray given = m.zeros(new Shape(2, 9, 9), DataType.BOOLEAN);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> model.forward(Map.of("digits", digits, "given", given), RunOptions.defaults()));
      assertThat(e).hasMessageThat().isEqualTo("digits: expected [B, 9, 9] int, got [B, 9, 8] float32");
      IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
          () -> model.forward(Map.of("digits", digits, "givens", given), RunOptions.defaults()));
      assertThat(unknown).hasMessageThat().isEqualTo("unknown input 'givens'; the model takes [digits, given]");
    }
  }

  @Test
  void structuralHyperParametersAreFixedAtGenerationTime() throws Exception {
    Class<?> type = GeneratedClasses.loader().loadClass("org.akorn.golden.ClassificationModel");
    Object builder = type.getMethod("builder").invoke(null);
    builder.getClass().getMethod("L", int.class).invoke(builder, 4);
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> builder.getClass().getMethod("build").invoke(builder));
    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
    assertThat(e.getCause()).hasMessageThat().isEqualTo(
        "L is fixed at generation time to 3; got 4. Regenerate the model with -P L=<value>");
  }

  @Test
  void builderValuesReachTheBlocksAndTheHyperParameters() throws Exception {
    Class<?> type = GeneratedClasses.loader().loadClass("org.akorn.golden.SudokuModel");
    Object builder = type.getMethod("builder").invoke(null);
    builder.getClass().getMethod("ch", int.class).invoke(builder, 16);
    builder.getClass().getMethod("T", int.class).invoke(builder, 2);
    try (NDManager m = NDManager.newBaseManager();
        AkornModel model = (AkornModel) builder.getClass().getMethod("build").invoke(builder)) {
      assertThat(model.hyperParameters())
          .containsExactly("ch", "16", "n", "4", "heads", "4", "T", "2", "gamma", "1.0").inOrder();
      AkornResult r = model.forward(Map.of(
          "digits", m.zeros(new Shape(1, 9, 9), DataType.INT32),
          "given", m.zeros(new Shape(1, 9, 9), DataType.BOOLEAN)), RunOptions.defaults());
      assertThat(r.output("logits").getShape()).isEqualTo(new Shape(1, 9, 9, 9));
      assertThat(r.output("xs").getShape()).isEqualTo(new Shape(2, 1, 16, 9, 9));
      assertThat(r.output("es").getShape()).isEqualTo(new Shape(3, 1));
    }
  }

  @Test
  void builderStepsRaiseTAndKeepTheFirstStepsOfTheFixture() throws Exception {
    Class<?> type = GeneratedClasses.loader().loadClass("org.akorn.golden.KlayerAttnGta");
    Object builder = type.getMethod("builder").invoke(null);
    builder.getClass().getMethod("steps", int[].class).invoke(builder, (Object) new int[] {6});
    try (NDManager m = NDManager.newBaseManager();
        AkornModel model = (AkornModel) builder.getClass().getMethod("build").invoke(builder)) {
      model.importReferenceWeights(FIXTURES.resolve("klayer_attn_gta.npz"));
      Map<String, NDArray> fx = GeneratedParityTest.load(m, FIXTURES.resolve("klayer_attn_gta.npz"));
      AkornResult r = model.forward(GeneratedParityTest.inputs(fx), fx.get("in.x0"), RunOptions.defaults());
      assertThat(r.output("xs").getShape()).isEqualTo(new Shape(6, 2, 32, 6, 6));
      assertThat(r.output("es").getShape()).isEqualTo(new Shape(7, 2));
      GeneratedParityTest.relativeError("xs.2", r.output("xs").get(2), fx.get("out.xs.2"));
      assertThat(model.hyperParameters()).isEmpty();
    }
    Object wrong = type.getMethod("builder").invoke(null);
    wrong.getClass().getMethod("steps", int[].class).invoke(wrong, (Object) new int[] {2, 3});
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> wrong.getClass().getMethod("build").invoke(wrong));
    assertThat(e.getCause()).hasMessageThat().isEqualTo("steps: expected 1 value, got 2");
  }

  @Test
  void checkpointsRoundTripAndRejectOtherHyperParameters() throws Exception {
    Path ckpt = dir.resolve("gta.ckpt");
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fx = GeneratedParityTest.load(m, FIXTURES.resolve("klayer_attn_gta.npz"));
      Map<String, NDArray> in = GeneratedParityTest.inputs(fx);
      try (AkornModel trained = GeneratedClasses.build("org.akorn.golden.KlayerAttnGta")) {
        trained.importReferenceWeights(FIXTURES.resolve("klayer_attn_gta.npz"));
        trained.saveCheckpoint(ckpt);
      }
      try (AkornModel fresh = GeneratedClasses.build("org.akorn.golden.KlayerAttnGta")) {
        fresh.loadCheckpoint(ckpt);
        AkornResult r = fresh.forward(in, fx.get("in.x0"), RunOptions.defaults());
        GeneratedParityTest.relativeError("es.3", r.output("es").get(3), fx.get("out.es.3"));
      }
      Class<?> type = GeneratedClasses.loader().loadClass("org.akorn.golden.KlayerAttnGta");
      try (AkornModel restored = (AkornModel) type.getMethod("fromCheckpoint", Path.class).invoke(null, ckpt)) {
        AkornResult r = restored.forward(in, fx.get("in.x0"), RunOptions.defaults());
        GeneratedParityTest.relativeError("es.3", r.output("es").get(3), fx.get("out.es.3"));
      }
      InvocationTargetException wrong = assertThrows(InvocationTargetException.class,
          () -> GeneratedClasses.loader().loadClass("org.akorn.golden.SudokuModel")
              .getMethod("fromCheckpoint", Path.class).invoke(null, ckpt));
      assertThat(wrong.getCause()).hasMessageThat().isEqualTo(ckpt + " is a checkpoint of KlayerAttnGta, not of SudokuModel");
      try (AkornModel other = GeneratedClasses.build("org.akorn.golden.KlayerConvGnGlobalOmega")) {
        assertThrows(InvalidCheckpointException.class, () -> other.loadCheckpoint(ckpt));
      }
    }
  }

  @Test
  void fromCheckpointRestoresTheHyperParameters(@TempDir Path tmp) throws Exception {
    Class<?> type = GeneratedClasses.loader().loadClass("org.akorn.golden.ClassificationModel");
    Object builder = type.getMethod("builder").invoke(null);
    builder.getClass().getMethod("ch", int.class).invoke(builder, 8);
    builder.getClass().getMethod("ksizes", List.class).invoke(builder, List.of(3, 3, 1));
    Path ckpt = tmp.resolve("small.ckpt");
    try (AkornModel small = (AkornModel) builder.getClass().getMethod("build").invoke(builder)) {
      small.saveCheckpoint(ckpt);
    }
    try (AkornModel restored = (AkornModel) type.getMethod("fromCheckpoint", Path.class).invoke(null, ckpt)) {
      assertThat(restored.hyperParameters()).containsEntry("ch", "8");
      assertThat(restored.hyperParameters()).containsEntry("ksizes", "[3, 3, 1]");
    }
  }

  @Test
  void readOutOnlyModelHasNoNetworkAndRejectsAnInitialState() throws Exception {
    try (NDManager m = NDManager.newBaseManager();
        AkornModel model = GeneratedClasses.build("org.akorn.golden.ReadoutBnEval")) {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, model::network);
      assertThat(e).hasMessageThat().isEqualTo("ReadoutBnEval has no Kuramoto layer; use readOut()");
      NDArray x = m.zeros(new Shape(1, 16, 6, 6));
      IllegalArgumentException i = assertThrows(IllegalArgumentException.class,
          () -> model.forward(Map.of("x", x), x, RunOptions.defaults()));
      assertThat(i).hasMessageThat().isEqualTo("ReadoutBnEval does not start from noise, so it takes no initial state");
    }
  }
}
