package org.akorn.runtime.nn;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class NnUtilTest {

  @Test
  void contiguousKeepsShapeAndValuesOfStridedViews() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.arange(24f).reshape(2, 3, 4);
      NDArray t = a.transpose(2, 0, 1); // [4, 2, 3]
      NDArray c = NnUtil.contiguous(t);
      assertThat(c.getShape()).isEqualTo(new Shape(4, 2, 3));
      // Row-major read-out of the transposed view: element (k, i, j) = a[i, j, k] = 12 i + 4 j + k.
      float[] expected = new float[24];
      int idx = 0;
      for (int k = 0; k < 4; k++) {
        for (int i = 0; i < 2; i++) {
          for (int j = 0; j < 3; j++) {
            expected[idx++] = 12 * i + 4 * j + k;
          }
        }
      }
      assertThat(c.toFloatArray()).isEqualTo(expected);
      NDArray s = m.arange(12f).reshape(4, 3).get(":, 0::2"); // a strided slice
      assertThat(NnUtil.contiguous(s).toFloatArray())
          .isEqualTo(new float[] {0, 2, 3, 5, 6, 8, 9, 11});
    }
  }
}
