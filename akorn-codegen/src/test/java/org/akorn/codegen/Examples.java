package org.akorn.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example model files of the repository, sorted by path. */
final class Examples {
  private Examples() {}

  static final Path MODELS = Path.of("..", "examples", "models");

  /** {@code examples/models/*.akorn} and {@code examples/models/golden/*.akorn}. */
  static List<Path> all() {
    return Stream.concat(list(MODELS), list(MODELS.resolve("golden"))).toList();
  }

  static Path golden(String caseName) {
    return MODELS.resolve("golden").resolve(caseName + ".akorn");
  }

  private static Stream<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".akorn")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GenerationResult generateAll() {
    return AkornCodegen.generate(GenerationRequest.of(all()));
  }
}
