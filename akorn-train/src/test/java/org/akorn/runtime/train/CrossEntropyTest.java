package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {
  @Test
  void meanOverRowsByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      // row 0: logits (1, 2, 3), label 2: -log(e^3 / (e + e^2 + e^3))
      // row 1: logits (0, 0, 0), label 0: log 3
      float loss = CrossEntropy.mean(
          m.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3)),
          m.create(new long[] {2, 0})).getFloat();
      double row0 = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
      assertThat((double) loss).isWithin(1e-6).of((row0 + Math.log(3)) / 2);
    }
  }

  @Test
  void perCellLabelsOfAGrid() {
    try (NDManager m = NDManager.newBaseManager()) {
      float loss = CrossEntropy.mean(m.zeros(new Shape(2, 3, 3, 4)),
          m.zeros(new Shape(2, 3, 3)).toType(ai.djl.ndarray.types.DataType.INT32, false))
          .getFloat();
      assertThat((double) loss).isWithin(1e-6).of(Math.log(4));
    }
  }
}
