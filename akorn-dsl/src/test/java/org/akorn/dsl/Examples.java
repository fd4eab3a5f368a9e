package org.akorn.dsl;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.akorn.dsl.model.ModelSpec;

/** Locates the repository's example models and compiles them for tests. */
final class Examples {
  static final Path MODELS = Path.of("..", "examples", "models").normalize();
  static final Path GOLDEN = MODELS.resolve("golden");

  private Examples() {}

  /** Every .akorn file under examples/models, sorted. */
  static List<Path> all() {
    try (Stream<Path> files = Files.walk(MODELS)) {
      return files.filter(p -> p.toString().endsWith(".akorn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single model of a file, asserting that it compiles without diagnostics. */
  static ModelSpec compileClean(Path file) {
    CompileResult result = AkornCompiler.check(CompileRequest.of(file));
    assertWithMessage(result.render()).that(result.diagnostics()).isEmpty();
    assertWithMessage(file.toString()).that(result.models()).hasSize(1);
    return result.models().get(0);
  }
}
