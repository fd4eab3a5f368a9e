package org.akorn.runtime;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {
  @Test
  void pytorchEngineAddsOffline() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1f, 2f});
      assertThat(a.add(1f).toFloatArray()).usingExactEquality().containsExactly(2f, 3f).inOrder();
      assertThat(m.getEngine().getEngineName()).isEqualTo("PyTorch");
    }
  }
}
