package org.akorn.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.nn.KuramotoResult;
import org.junit.jupiter.api.Test;

class ModelSupportTest {

  @Test
  void checkInputNamesShapeAndType() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray ok = m.zeros(new Shape(2, 9, 9), DataType.INT64);
      assertThat(ModelSupport.checkInput("digits", ok, ModelSupport.ElementKind.INT, 9, 9)).isSameInstanceAs(ok);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSupport.checkInput(
          "digits", m.zeros(new Shape(2, 9, 8)), ModelSupport.ElementKind.INT, 9, 9));
      assertThat(e).hasMessageThat().isEqualTo("digits: expected [B, 9, 9] int, got [B, 9, 8] float32");
      IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> ModelSupport.checkInput(
          "given", m.zeros(new Shape(9, 9), DataType.BOOLEAN), ModelSupport.ElementKind.BOOL, 9, 9));
      assertThat(rank).hasMessageThat().isEqualTo("given: expected [B, 9, 9] bool, got [B, 9] boolean");
      IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
          () -> ModelSupport.checkInput("x", null, ModelSupport.ElementKind.FLOAT, 1));
      assertThat(missing).hasMessageThat().isEqualTo("missing input 'x'");
    }
  }

  @Test
  void requireRejectsUnknownAndMissingNames() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.zeros(new Shape(1));
      assertThat(ModelSupport.require(Map.of("a", a), "a", List.of("a"))).isSameInstanceAs(a);
      assertThat(assertThrows(IllegalArgumentException.class,
              () -> ModelSupport.require(Map.of("b", a), "a", List.of("a"))))
          .hasMessageThat().isEqualTo("unknown input 'b'; the model takes [a]");
      assertThat(assertThrows(IllegalArgumentException.class,
              () -> ModelSupport.require(Map.of(), "a", List.of("a"))))
          .hasMessageThat().isEqualTo("missing input 'a'; the model takes [a]");
    }
  }

  @Test
  void statesAndEnergiesAreStacked() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.zeros(new Shape(2, 4));
      NDArray e = m.zeros(new Shape(2));
      KuramotoResult r = new KuramotoResult(List.of(s, s, s), List.of(e, e, e, e));
      assertThat(ModelSupport.states(r).getShape()).isEqualTo(new Shape(3, 2, 4));
      assertThat(ModelSupport.energies(List.of(r)).getShape()).isEqualTo(new Shape(4, 2));
      assertThat(ModelSupport.energies(List.of(r, r)).getShape()).isEqualTo(new Shape(2, 4, 2));
      KuramotoResult shorter = new KuramotoResult(List.of(s), List.of(e, e));
      assertThrows(IllegalArgumentException.class, () -> ModelSupport.energies(List.of(r, shorter)));
    }
  }

  @Test
  void checkStepsAcceptsNoneOneOrOnePerLayer() {
    ModelSupport.checkSteps(null, 3);
    ModelSupport.checkSteps(new int[] {32}, 3);
    ModelSupport.checkSteps(new int[] {4, 5, 6}, 3);
  }

  @Test
  void checkStepsRejectsAWrongCountOrANegativeValue() {
    IllegalArgumentException count =
        assertThrows(IllegalArgumentException.class, () -> ModelSupport.checkSteps(new int[] {1, 2}, 3));
    assertThat(count).hasMessageThat().isEqualTo("steps: expected 1 or 3 values, got 2");
    IllegalArgumentException single =
        assertThrows(IllegalArgumentException.class, () -> ModelSupport.checkSteps(new int[] {1, 2}, 1));
    assertThat(single).hasMessageThat().isEqualTo("steps: expected 1 value, got 2");
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> ModelSupport.checkSteps(new int[] {-1}, 1));
    assertThat(negative).hasMessageThat().isEqualTo("steps must not be negative, got -1");
  }
}
