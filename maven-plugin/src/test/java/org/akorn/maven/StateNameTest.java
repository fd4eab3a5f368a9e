package org.akorn.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StateNameTest {
  private final Path target = Path.of("/p/target");

  @Test
  void theDefaultOutputDirectoryUsesTheGoalWhateverTheExecution() {
    Path out = target.resolve("generated-sources/akorn");
    assertThat(AbstractGenerateMojo.stateName("generate", out, out, "default")).isEqualTo("generate");
    assertThat(AbstractGenerateMojo.stateName("generate", out, target.resolve("x/../generated-sources/akorn"), "default-cli"))
        .isEqualTo("generate");
  }

  @Test
  void anotherOutputDirectoryAddsTheExecutionId() {
    assertThat(AbstractGenerateMojo.stateName(
            "generate", target.resolve("gen-b"), target.resolve("generated-sources/akorn"), "models b/1"))
        .isEqualTo("generate-models_b_1");
  }
}
