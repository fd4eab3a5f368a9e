package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SudokuHyperParametersTest {
  @Test
  void paperConfigurationsInDeclarationOrder() {
    assertThat(SudokuHyperParameters.paper(4).asMap())
        .containsExactly("ch", "64", "n", "4", "heads", "8", "T", "8", "gamma", "1.0")
        .inOrder();
    assertThat(SudokuHyperParameters.paper(9))
        .isEqualTo(new SudokuHyperParameters(512, 4, 8, 16, 1.0f));
  }

  @Test
  void roundTripsThroughItsMap() {
    SudokuHyperParameters hp = new SudokuHyperParameters(32, 4, 4, 6, 0.5f);
    assertThat(SudokuHyperParameters.fromMap(hp.asMap())).isEqualTo(hp);
  }

  @Test
  void rejectsUnknownAndMissingKeysAndBadDivisors() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> SudokuHyperParameters.fromMap(Map.of("channels", "64")));
    assertThat(unknown).hasMessageThat().isEqualTo("unknown Sudoku hyper-parameter 'channels'");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SudokuHyperParameters.fromMap(Map.of("ch", "64")));
    assertThat(missing).hasMessageThat().isEqualTo("missing Sudoku hyper-parameter 'n'");
    IllegalArgumentException heads = assertThrows(IllegalArgumentException.class,
        () -> new SudokuHyperParameters(64, 4, 7, 8, 1f));
    assertThat(heads).hasMessageThat().isEqualTo("n (4) and heads (7) must divide ch (64)");
  }
}
