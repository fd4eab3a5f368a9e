package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.Dataset;
import org.junit.jupiter.api.Test;

class DatasetBatchesTest {
  /** Example i has input value i and label i. */
  private static Dataset numbered(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return new Dataset("numbers", List.of(new Column("x", new Shape(1), DataType.FLOAT32, v)),
        new Column("label", new Shape(), DataType.INT64, v.clone()));
  }

  @Test
  void everyEpochIsAPermutationAndBatchesDoNotSpanEpochs() {
    DatasetBatches batches = new DatasetBatches(numbered(10), 3, "numbers");
    List<Integer> sizes = new ArrayList<>();
    List<Float> firstEpoch = new ArrayList<>();
    List<Float> secondEpoch = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      for (int b = 0; b < 6; b++) {
        TrainingLoop.Batch batch = batches.next(m, 4);
        sizes.add(batch.examples());
        float[] x = batch.inputs().get("x").toFloatArray();
        long[] y = batch.labels().toLongArray();
        for (int i = 0; i < x.length; i++) {
          assertThat((long) x[i]).isEqualTo(y[i]);
          (b < 3 ? firstEpoch : secondEpoch).add(x[i]);
        }
        assertThat(batch.steps()).isNull();
      }
    }
    assertThat(sizes).containsExactly(4, 4, 2, 4, 4, 2).inOrder();
    assertThat(firstEpoch).containsExactly(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
    assertThat(secondEpoch).containsExactly(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
    assertThat(firstEpoch).isNotEqualTo(secondEpoch);
    assertThat(batches.epochs()).isEqualTo(2);
    assertThat(batches.unit()).isEqualTo("numbers");
  }

  @Test
  void theSameSeedGivesTheSameBatches() {
    try (NDManager m = NDManager.newBaseManager()) {
      DatasetBatches a = new DatasetBatches(numbered(50), 7, "x");
      DatasetBatches b = new DatasetBatches(numbered(50), 7, "x");
      for (int i = 0; i < 5; i++) {
        assertThat(a.next(m, 8).labels().toLongArray())
            .isEqualTo(b.next(m, 8).labels().toLongArray());
      }
    }
  }
}
