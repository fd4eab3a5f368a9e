package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

  @Test
  void scalesAllGradientsByMaxNormOverTotalNormPlusEpsilon() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {3f, 4f}); // norm 5
      NDArray b = m.create(new float[][] {{12f}}); // norm 12 -> total 13
      float total = GradientClipping.clipByGlobalNorm(List.of(a, b), 6.5f);
      assertThat(total).isEqualTo(13f);
      float coefficient = 6.5f / (13f + 1e-6f);
      assertThat(a.toFloatArray()).usingExactEquality()
          .containsExactly(3f * coefficient, 4f * coefficient).inOrder();
      assertThat(b.toFloatArray()).usingExactEquality().containsExactly(12f * coefficient);
      assertThat((double) coefficient).isWithin(1e-7).of(0.5);
    }
  }

  @Test
  void leavesGradientsUnchangedBelowTheLimit() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {3f, -4f});
      float total = GradientClipping.clipByGlobalNorm(List.of(a), 10f);
      assertThat(total).isEqualTo(5f);
      assertThat(a.toFloatArray()).usingExactEquality().containsExactly(3f, -4f).inOrder();
    }
  }

  @Test
  void leavesNoTemporaryArraysBehind() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {30f, 40f});
      int before = m.getManagedArrays().size();
      GradientClipping.clipByGlobalNorm(List.of(a), 1f);
      assertThat(m.getManagedArrays()).hasSize(before);
      assertThat(a.toFloatArray()[0]).isWithin(1e-6f).of(0.6f);
    }
  }

  @Test
  void rejectsNonPositiveMaxNorm() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(List.of(), 0f));
    assertThat(e).hasMessageThat().isEqualTo("maxNorm must be positive, got 0.0");
  }
}
