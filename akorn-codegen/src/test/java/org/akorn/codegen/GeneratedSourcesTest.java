package org.akorn.codegen;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.akorn.codegen.compile.InMemoryJavaCompiler;
import org.akorn.codegen.output.GeneratedFile;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of every example are kept under {@code src/test/resources/generated}.
 * Refresh them after an intended generator change with
 * {@code mvn -o test -pl akorn-codegen -am -Dtest=GeneratedSourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Dakorn.updateGolden=true}
 * and review the diff.
 */
class GeneratedSourcesTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "generated");

  @Test
  void examplesGenerateWithoutDiagnostics() {
    GenerationResult r = Examples.generateAll();
    assertWithMessage(r.render()).that(r.diagnostics()).isEmpty();
    assertThat(r.files().stream().map(GeneratedFile::relativePath).toList())
        .containsExactly(
            "org/akorn/examples/CifarClassifier.java",
            "org/akorn/examples/FashionAkorn.java",
            "org/akorn/examples/FashionCnn.java",
            "org/akorn/examples/ObjectDiscovery.java",
            "org/akorn/examples/Sudoku.java",
            "org/akorn/examples/Sudoku4.java",
            "org/akorn/examples/Sudoku4Itrsa.java",
            "org/akorn/examples/Sudoku4Transformer.java",
            "org/akorn/examples/Tetrominoes.java",
            "org/akorn/golden/ClassificationModel.java",
            "org/akorn/golden/KlayerAttnChannelOmega.java",
            "org/akorn/golden/KlayerAttnGta.java",
            "org/akorn/golden/KlayerConvGnGlobalOmega.java",
            "org/akorn/golden/KlayerConvNoprojSandb.java",
            "org/akorn/golden/ObjectsModel.java",
            "org/akorn/golden/ReadoutBnEval.java",
            "org/akorn/golden/SudokuItrsa.java",
            "org/akorn/golden/SudokuModel.java",
            "org/akorn/golden/SudokuTransformer.java");
  }

  @Test
  void generatedSourcesMatchTheGoldenFiles() throws IOException {
    GenerationResult r = Examples.generateAll();
    boolean update = Boolean.getBoolean("akorn.updateGolden");
    List<String> differing = new ArrayList<>();
    for (GeneratedFile f : r.files()) {
      Path golden = GOLDEN.resolve(f.relativePath());
      if (update) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, f.content(), StandardCharsets.UTF_8);
      } else if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(f.content())) {
        differing.add(f.relativePath());
      }
    }
    List<String> kept;
    try (Stream<Path> s = Files.walk(GOLDEN)) {
      kept = s.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
    assertWithMessage("generated sources differ from src/test/resources/generated; "
            + "refresh with -Dakorn.updateGolden=true and review the diff")
        .that(differing).isEmpty();
    assertThat(kept).containsExactlyElementsIn(r.files().stream().map(GeneratedFile::relativePath).sorted().toList());
  }

  @Test
  void generationIsDeterministic() {
    List<GeneratedFile> first = Examples.generateAll().files();
    List<GeneratedFile> second = Examples.generateAll().files();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void generatedSourcesCompileWithoutWarnings() {
    GenerationResult r = Examples.generateAll();
    InMemoryJavaCompiler.Result c =
        InMemoryJavaCompiler.compile(r.files(), System.getProperty("java.class.path"), getClass().getClassLoader());
    assertWithMessage("errors").that(c.errors()).isEmpty();
    assertWithMessage("warnings").that(c.warnings()).isEmpty();
  }
}
