package org.akorn.spark;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.akorn.runtime.data.IdxWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder's test split read on the executors: every image once, in its order's id, with
 * its label, its seed and its pixels scaled to [0, 1], from a path or a URI of another file
 * system.
 */
class DataFramesTest {
  private static final int N = 7;
  @TempDir static Path dir;
  private static SparkSession spark;

  @BeforeAll
  static void start() throws Exception {
    byte[] images = new byte[N * 2 * 3];
    byte[] labels = new byte[N];
    for (int i = 0; i < images.length; i++) {
      images[i] = (byte) (i * 37);
    }
    for (int i = 0; i < N; i++) {
      labels[i] = (byte) (i % 4);
    }
    IdxWriter.write(dir.resolve("t10k-images-idx3-ubyte.gz"), new int[] {N, 2, 3}, images);
    IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {N}, labels);
    IdxWriter.write(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {N, 2, 3}, images);
    IdxWriter.write(dir.resolve("train-labels-idx1-ubyte.gz"), new int[] {N}, labels);
    spark = SparkSession.builder().master("local[2]").appName("data-frames-test")
        .config("spark.ui.enabled", "false")
        .config("spark.hadoop.fs.akorntest.impl", AkornTestFileSystem.class.getName())
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static List<Row> rows(String folder, int limit) throws Exception {
    List<Row> rows = new java.util.ArrayList<>(DataFrames.testSplit(spark, folder, "image", 100,
        limit, 3).collectAsList());
    rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
    return rows;
  }

  @Test
  void everyImageOnceWithItsLabelSeedAndPixels() throws Exception {
    List<Row> rows = rows(dir.toString(), 0);
    assertThat(rows).hasSize(N);
    for (int i = 0; i < N; i++) {
      Row r = rows.get(i);
      assertThat(r.getLong(0)).isEqualTo(i);
      assertThat(r.getLong(1)).isEqualTo(100 + i);
      assertThat(r.getInt(2)).isEqualTo(i % 4);
      List<Float> image = r.getList(3);
      assertThat(image).hasSize(6);
      for (int j = 0; j < 6; j++) {
        assertThat(image.get(j)).isEqualTo(((i * 6 + j) * 37 & 0xff) / 255f);
      }
    }
    assertThat(DataFrames.testSplit(spark, dir.toString(), "image", 0, 0, 3).schema())
        .isEqualTo(DataFrames.SCHEMA);
  }

  @Test
  void aLimitTakesTheFirstImagesAndAUriReadsTheSame() throws Exception {
    assertThat(rows(dir.toString(), 3).stream().map(r -> r.getLong(0)).toList())
        .containsExactly(0L, 1L, 2L).inOrder();
    assertThat(rows("akorntest://" + dir, 0).toString()).isEqualTo(rows(dir.toString(), 0)
        .toString());
  }
}
