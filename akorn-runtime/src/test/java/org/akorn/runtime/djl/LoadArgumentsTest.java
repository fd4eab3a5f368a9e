package org.akorn.runtime.djl;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.repository.zoo.ModelNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.checkpoint.CheckpointMetadata;
import org.akorn.runtime.checkpoint.ModelSource;
import org.junit.jupiter.api.Test;

class LoadArgumentsTest {

  @Test
  void readsTextAndNumbersWithDefaults() {
    LoadArguments a = LoadArguments.of(Map.of("checkpoint", "run/model.ckpt", "steps", 16,
        "votes", "4", "seed", 7L, "classes", "cat, dog"));

    assertThat(a).isEqualTo(new LoadArguments(Path.of("run/model.ckpt"), null, null, 16, 4, 7L,
        List.of("cat", "dog")));
    assertThat(LoadArguments.of(Map.of("checkpoint", Path.of("m.ckpt"))))
        .isEqualTo(new LoadArguments(Path.of("m.ckpt"), null, null, null, 1, 0L, null));
  }

  @Test
  void namesTheArgumentOfAWrongValue() {
    IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
        () -> LoadArguments.of(Map.of("checkpoint", "m", "steps", "many")));
    IllegalArgumentException votes = assertThrows(IllegalArgumentException.class,
        () -> LoadArguments.of(Map.of("checkpoint", "m", "votes", 0)));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> LoadArguments.of(Map.of("votes", 2)));

    assertThat(steps).hasMessageThat()
        .isEqualTo("Criteria argument steps: expected a whole number, got 'many'");
    assertThat(votes).hasMessageThat()
        .isEqualTo("Criteria argument votes: expected at least 1, got 0");
    assertThat(missing).hasMessageThat().isEqualTo("missing Criteria argument checkpoint");
  }

  @Test
  void theClassIsTheArchitectureInThePackageOfTheSource() throws ModelNotFoundException {
    Path file = Path.of("m.ckpt");
    CheckpointMetadata meta = CheckpointMetadata.of("Sudoku4", Map.of(), 3).withSource(
        ModelSource.of("s.akorn", Map.of("s.akorn",
            "// package not.this;\n  package org.example.models ;\nmodel Sudoku4 {}\n"), Map.of()));

    assertThat(GeneratedClasses.className(file, meta, null))
        .isEqualTo("org.example.models.Sudoku4");
    assertThat(GeneratedClasses.className(file, meta, "a.B")).isEqualTo("a.B");
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
        () -> GeneratedClasses.className(file, CheckpointMetadata.of("X", Map.of(), 0), null));
    assertThat(e).hasMessageThat().isEqualTo("checkpoint m.ckpt of X carries no model source;"
        + " name its generated class with the Criteria argument modelClass");
  }
}
