package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.akorn.runtime.io.NpzFiles;
import picocli.CommandLine;

/** {@code akorn run} reproduces every golden fixture through the generated code. */
class RunCommandTest {
  static final Path FIXTURES = Path.of("..", "akorn-codegen", "src", "test", "resources", "golden");
  static final Path MODELS = Path.of("..", "examples", "models", "golden");

  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  final StringWriter out = new StringWriter();

  int akorn(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  static Map<String, NDArray> load(NDManager m, Path npz) throws Exception {
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (NDArray a : NpzFiles.toNDList(m, NpzFiles.read(npz))) {
      byName.put(a.getName(), a);
    }
    return byName;
  }

  /** Writes I.npz (declared input names) and X0.npy from a fixture; returns the run arguments. */
  String[] prepare(NDManager m, String caseName, Map<String, NDArray> fixture) throws Exception {
    NDList inputs = new NDList();
    for (var e : fixture.entrySet()) {
      if (!e.getKey().startsWith("in.")) {
        continue;
      }
      String name = e.getKey().substring(3);
      NDArray a = e.getValue();
      if (name.equals("is_input")) {
        long[] s = a.getShape().getShape();
        a = a.reshape(s[0], s[1], s[2]).toType(DataType.BOOLEAN, false);
        name = "given";
      } else if (name.equals("x0") || name.equals("noise") || name.equals("loss_weight") || name.equals("X_onehot")) {
        continue;
      }
      NDArray copy = a.duplicate();
      copy.setName(name);
      inputs.add(copy);
    }
    Path in = dir.resolve("I.npz");
    try (var os = Files.newOutputStream(in)) {
      inputs.encode(os, NDList.Encoding.NPZ);
    }
    NDArray x0 = fixture.containsKey("in.x0") ? fixture.get("in.x0") : fixture.get("in.noise");
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "run", MODELS.resolve(caseName + ".akorn").toString(),
        "--weights", FIXTURES.resolve(caseName + ".npz").toString(),
        "--inputs", in.toString(),
        "--out", dir.resolve("O.npz").toString()));
    if (x0 != null) {
      Path x0File = dir.resolve("X0.npy");
      Files.write(x0File, Npy.float32(x0));
      args.add("--initial");
      args.add(x0File.toString());
    }
    return args.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "klayer_conv_gn_globalomega", "klayer_attn_channelomega", "klayer_attn_gta",
    "klayer_conv_noproj_sandb", "readout_bn_eval", "sudoku_model", "objects_model",
    "classification_model", "sudoku_transformer", "sudoku_itrsa"})
  void runReproducesTheFixture(String caseName) throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fixture = load(m, FIXTURES.resolve(caseName + ".npz"));
      int code = akorn(prepare(m, caseName, fixture));
      assertWithMessage(err.toString()).that(code).isEqualTo(0);
      Map<String, NDArray> result = load(m, dir.resolve("O.npz"));
      double worst = 0;
      for (var e : fixture.entrySet()) {
        if (!e.getKey().startsWith("out.")) {
          continue;
        }
        String[] parts = e.getKey().substring(4).split("\\.");
        NDArray actual = result.get(parts[0]);
        assertWithMessage("O.npz has %s", parts[0]).that(actual).isNotNull();
        for (int i = 1; i < parts.length; i++) {
          actual = actual.get(Long.parseLong(parts[i]));
        }
        NDArray ref = e.getValue();
        assertThat(actual.getShape()).isEqualTo(ref.getShape());
        double err = actual.sub(ref).abs().max().getFloat() / Math.max(1.0, ref.abs().max().getFloat());
        assertWithMessage("%s", e.getKey()).that(err).isAtMost(1e-4);
        worst = Math.max(worst, err);
      }
      boolean oscillators = !caseName.equals("readout_bn_eval") && !caseName.equals("sudoku_transformer")
          && !caseName.equals("sudoku_itrsa");
      if (oscillators) {
        assertThat(result).containsKey("states.0.0");
        assertThat(result.get("energies.0.0").getFloat(0)).isEqualTo(0f);
      }
      if (fixture.containsKey("out.xs.0")) {
        NDArray ref = fixture.get("out.xs.0");
        double err = result.get("states.0.0").sub(ref).abs().max().getFloat() / Math.max(1.0, ref.abs().max().getFloat());
        assertThat(err).isAtMost(1e-4);
      }
      System.out.printf("PARITY akorn run %s: forward max rel error %.3e%n", caseName, worst);
    }
  }

  @Test
  void aFileWithSeveralModelsNeedsModel() throws Exception {
    String gta = Files.readString(MODELS.resolve("klayer_attn_gta.akorn"));
    Path two = dir.resolve("two.akorn");
    Files.writeString(two, gta + gta.substring(gta.indexOf("/**")).replace("model KlayerAttnGta", "model Second"));
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fixture = load(m, FIXTURES.resolve("klayer_attn_gta.npz"));
      String[] args = prepare(m, "klayer_attn_gta", fixture);
      args[1] = two.toString();
      assertThat(akorn(args)).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo("akorn: " + two + " defines 2 models [KlayerAttnGta, Second]; choose one with --model");
      String[] chosen = java.util.Arrays.copyOf(args, args.length + 2);
      chosen[args.length] = "--model";
      chosen[args.length + 1] = "Second";
      assertThat(akorn(chosen)).isEqualTo(0);
      assertThat(out.toString()).contains("ran org.akorn.golden.Second");
    }
  }

  @Test
  void missingInputIsOneLineAndNoOutput() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fixture = load(m, FIXTURES.resolve("sudoku_model.npz"));
      fixture.remove("in.is_input");
      int code = akorn(prepare(m, "sudoku_model", fixture));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo("akorn: missing input 'given'; the model takes [digits, given]");
      assertThat(Files.exists(dir.resolve("O.npz"))).isFalse();
    }
  }

  @Test
  void anUnnamedNpyAsInputsIsOneLineAndNoOutput() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      String[] args = prepare(m, "sudoku_model", load(m, FIXTURES.resolve("sudoku_model.npz")));
      String npy = dir.resolve("X0.npy").toString();
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--inputs")) {
          args[i + 1] = npy;
        }
      }
      assertThat(akorn(args)).isEqualTo(1);
      assertThat(err.toString().strip()).isEqualTo("akorn: --inputs: " + npy
          + " holds an unnamed array (a .npy file?); save one array per input by name,"
          + " e.g. numpy.savez(file, digits=d, given=g)");
      assertThat(Files.exists(dir.resolve("O.npz"))).isFalse();
    }
  }

  @Test
  void wrongShapeIsOneLine() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fixture = load(m, FIXTURES.resolve("sudoku_model.npz"));
      fixture.put("in.digits", fixture.get("in.digits").get(":, :, :8").toType(DataType.FLOAT32, false));
      int code = akorn(prepare(m, "sudoku_model", fixture));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo("akorn: digits: expected [B, 9, 9] int, got [B, 9, 8] float32");
      assertThat(Files.exists(dir.resolve("O.npz"))).isFalse();
    }
  }

  @Test
  void weightsThatDoNotFitAreOneMessage() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> fixture = load(m, FIXTURES.resolve("klayer_attn_gta.npz"));
      String[] args = prepare(m, "klayer_attn_gta", fixture);
      args[3] = FIXTURES.resolve("klayer_conv_gn_globalomega.npz").toString();
      int code = akorn(args);
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).startsWith("akorn: weights ");
      assertThat(err.toString()).contains("do not fit KlayerAttnGta");
      assertThat(err.toString()).doesNotContain("Exception");
      assertThat(Files.exists(dir.resolve("O.npz"))).isFalse();
    }
  }

  /** Replaces the arrays named in {@code nan} by copies with NaN at their first {@code count} values. */
  static void poison(NDManager m, Path npz, String name, int count) throws Exception {
    NDList arrays = NDList.decode(m, Files.readAllBytes(npz));
    NDList out = new NDList();
    for (NDArray a : arrays) {
      if (a.getName().equals(name)) {
        float[] v = a.toFloatArray();
        for (int i = 0; i < count; i++) {
          v[i * 7] = i % 2 == 0 ? Float.NaN : Float.NEGATIVE_INFINITY;
        }
        NDArray b = m.create(v, a.getShape());
        b.setName(name);
        a = b;
      }
      out.add(a);
    }
    try (var os = Files.newOutputStream(npz)) {
      out.encode(os, NDList.Encoding.NPZ);
    }
  }

  @Test
  void truncatedWeightsAreOneLineAndNoOutput() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      String[] args = prepare(m, "klayer_conv_gn_globalomega",
          load(m, FIXTURES.resolve("klayer_conv_gn_globalomega.npz")));
      byte[] full = Files.readAllBytes(FIXTURES.resolve("klayer_conv_gn_globalomega.npz"));
      Path truncated = Files.write(dir.resolve("truncated.npz"),
          java.util.Arrays.copyOf(full, full.length / 2));
      args[3] = truncated.toString();
      assertThat(akorn(args)).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: --weights: " + truncated
          + " is truncated or not a ZIP archive: no end-of-central-directory record\n");
      assertThat(Files.exists(dir.resolve("O.npz"))).isFalse();
    }
  }

  @Test
  void nonFiniteWeightsAndInputsAreRefusedNamingTheArrayAndTheCount() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      String[] args = prepare(m, "klayer_conv_gn_globalomega",
          load(m, FIXTURES.resolve("klayer_conv_gn_globalomega.npz")));
      Path inputs = dir.resolve("I.npz");
      poison(m, inputs, "c", 3);
      assertThat(akorn(args)).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: --inputs: " + inputs
          + " input 'c' holds 3 non-finite values (NaN or infinity) among 1152\n");
      Path weights = Files.copy(FIXTURES.resolve("klayer_conv_gn_globalomega.npz"),
          dir.resolve("W.npz"));
      poison(m, weights, "param.connectivity.weight", 1);
      args[3] = weights.toString();
      err.getBuffer().setLength(0);
      assertThat(akorn(args)).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: --weights: " + weights
          + " tensor 'param.connectivity.weight' holds 1 non-finite value (NaN or infinity)"
          + " among 2304\n");
      assertThat(Files.exists(dir.resolve("O.npz"))).isFalse();
    }
  }

  @Test
  void outIntoAMissingFolderCreatesItAndOutAsAFolderIsOneLine() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      String[] args = prepare(m, "klayer_conv_gn_globalomega",
          load(m, FIXTURES.resolve("klayer_conv_gn_globalomega.npz")));
      Path nested = dir.resolve("new/sub/O.npz");
      args[7] = nested.toString();
      assertWithMessage(err.toString()).that(akorn(args)).isEqualTo(0);
      assertThat(load(m, nested)).containsKey("states.0.0");
      try (var files = Files.list(nested.getParent())) {
        assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("O.npz");
      }
      Path folder = Files.createDirectory(dir.resolve("out.npz"));
      args[7] = folder.toString();
      assertThat(akorn(args)).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: --out: " + folder
          + " is a folder; cannot write a file there\n");
    }
  }
}
