package org.akorn.codegen;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.akorn.codegen.compile.InMemoryJavaCompiler;
import org.akorn.codegen.output.GeneratedFile;
import org.akorn.dsl.SourceReader;
import org.akorn.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class GeneratorDiagnosticsTest {

  static String layerModel(String pkg, String name, String param, String input) {
    return "package " + pkg + ";\n"
        + "model " + name + " {\n"
        + "  param " + param + ": int = 3;\n"
        + "  input " + input + ": stimulus[8, 4, 4];\n"
        + "  stem = identity(" + input + ");\n"
        + "  init = noise;\n"
        + "  layer {\n"
        + "    n = 2;\n"
        + "    channels = 8;\n"
        + "    steps = " + param + ";\n"
        + "    gamma = 1.0;\n"
        + "    connectivity = conv(kernel = 3);\n"
        + "    omega = none;\n"
        + "    c_norm = none;\n"
        + "    projection = on;\n"
        + "  }\n"
        + "  output es = energies;\n"
        + "}\n";
  }

  static GenerationResult generate(Map<String, String> files) {
    return AkornCodegen.generate(GenerationRequest.of(files.keySet().stream().sorted().map(Path::of).toList())
        .withReader(SourceReader.of(files)));
  }

  static List<String> headlines(GenerationResult r) {
    return r.diagnostics().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void javaKeywordAsModelNameIsADiagnostic() {
    GenerationResult r = generate(Map.of("m.akorn", layerModel("org.x", "interface", "T", "c")));
    assertThat(headlines(r)).containsExactly(
        "m.akorn:2:1: error[E400]: model name 'interface' is a Java keyword or not a Java identifier; rename the model");
    assertThat(r.files()).isEmpty();
  }

  @Test
  void javaKeywordInThePackageIsADiagnostic() {
    GenerationResult r = generate(Map.of("m.akorn", layerModel("org.int", "Net", "T", "c")));
    assertThat(headlines(r)).containsExactly(
        "m.akorn:2:1: error[E400]: package 'org.int' is not a valid Java package name");
    assertThat(r.files()).isEmpty();
  }

  @Test
  void runtimeNameAsModelNameIsADiagnostic() {
    GenerationResult r = generate(Map.of("m.akorn", layerModel("org.x", "AkornNetwork", "T", "c")));
    assertThat(headlines(r)).containsExactly(
        "m.akorn:2:1: error[E401]: model name 'AkornNetwork' clashes with a type the generated class uses; rename the model");
    assertThat(r.files()).isEmpty();
  }

  @Test
  void twoModelsWithTheSameJavaNameAreADiagnostic() {
    GenerationResult r = generate(Map.of(
        "a.akorn", layerModel("org.x", "Net", "T", "c"),
        "b.akorn", layerModel("org.x", "Net", "T", "c")));
    assertThat(headlines(r)).containsExactly(
        "b.akorn:2:1: error[E401]: model 'org.x.Net' would be generated into the same file as model 'org.x.Net' from a.akorn");
  }

  @Test
  void keywordAndMemberNamesAsParameterAndInputNamesAreRenamedAndCompile() {
    GenerationResult r = generate(Map.of("m.akorn", layerModel("org.x", "Net", "manager", "network")));
    assertThat(r.diagnostics()).isEmpty();
    GeneratedFile f = r.files().get(0);
    assertThat(f.relativePath()).isEqualTo("org/x/Net.java");
    assertThat(f.content()).contains("public Builder manager_(int manager_)");
    assertThat(f.content()).contains("public record Input(NDArray network_)");
    InMemoryJavaCompiler.Result c = InMemoryJavaCompiler.compile(
        r.files(), System.getProperty("java.class.path"), getClass().getClassLoader());
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).isEmpty();
  }

  static final String LAYER = "  layer { n = 2; channels = 8; steps = 2; gamma = 1.0; connectivity = conv(kernel = 3);"
      + " omega = none; c_norm = none; projection = on; }\n";

  @Test
  void anOutputTakenBeforeTheLastStageIsADiagnostic() {
    GenerationResult r = generate(Map.of("m.akorn", "package p;\nmodel Net {\n  input c: stimulus[8, 4, 4];\n"
        + "  stem = identity(c);\n  init = noise;\n" + LAYER
        + "  output first = state;\n" + LAYER + "  output es = energies;\n}\n"));
    assertThat(headlines(r)).containsExactly(
        "m.akorn:7:3: error[E402]: the Java generator does not support output 'first' taken before the last stage;"
            + " declare it after the last layer and read-out");
  }

  @Test
  void outputAndParameterNamesThatClashWithMembersAreRenamed() {
    GenerationResult r = generate(Map.of("m.akorn", "package p;\nmodel Net {\n  param MODEL_NAME: int = 2;\n"
        + "  input c: stimulus[8, 4, 4];\n  stem = identity(c);\n  init = noise;\n"
        + LAYER.replace("steps = 2", "steps = MODEL_NAME") + "  output layers = energies;\n  output int = state;\n}\n"));
    assertThat(r.diagnostics()).isEmpty();
    String src = r.files().get(0).content();
    assertThat(src).contains("public Builder MODEL_NAME_(int MODEL_NAME_)");
    assertThat(src).contains("public record Output(NDArray layers_, NDArray int_, List<KuramotoResult> layers)");
    InMemoryJavaCompiler.Result c = InMemoryJavaCompiler.compile(
        r.files(), System.getProperty("java.class.path"), getClass().getClassLoader());
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void frontEndErrorsComeThroughWithSourcesAndNoFiles() {
    GenerationResult r = generate(Map.of("m.akorn", layerModel("org.x", "Net", "T", "c").replace("channels = 8", "channels = 7")));
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.files()).isEmpty();
    assertThat(r.render()).contains("m.akorn:");
    assertThat(r.inputsRead()).containsExactly(Path.of("m.akorn"));
  }

  @Test
  void perModelOverridesApplyOnTopOfGlobalOnes() {
    Map<String, String> files = Map.of("m.akorn", layerModel("org.x", "Net", "T", "c"));
    GenerationResult r = AkornCodegen.generate(new GenerationRequest(
        List.of(Path.of("m.akorn")), Map.of("T", "5"), Map.of("Net", Map.of("T", "7")),
        SourceReader.of(files), "9.9"));
    assertThat(r.diagnostics()).isEmpty();
    String src = r.files().get(0).content();
    assertThat(src).contains("private int T = 7;");
    assertThat(src).startsWith("// Generated from m.akorn by akorn 9.9. Do not edit.\n");
  }

  @Test
  void overridesForAnUnknownModelAreAWarning() {
    Map<String, String> files = Map.of("m.akorn", layerModel("org.x", "Net", "T", "c"));
    GenerationResult r = AkornCodegen.generate(new GenerationRequest(
        List.of(Path.of("m.akorn")), Map.of(), Map.of("Nett", Map.of("T", "7")), SourceReader.of(files), null));
    assertThat(headlines(r)).containsExactly(
        "m.akorn:1:1: warning[E114]: overrides for model 'Nett', which none of the files defines; models: [Net]");
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.files()).hasSize(1);
  }

  @Test
  void inputsReadIncludeImports() {
    GenerationResult r = AkornCodegen.generate(GenerationRequest.of(List.of(Examples.MODELS.resolve("classification.akorn"))));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.inputsRead()).containsExactly(
        Examples.MODELS.resolve("classification.akorn"), Examples.MODELS.resolve("common/readouts.akorn").normalize());
  }
}
