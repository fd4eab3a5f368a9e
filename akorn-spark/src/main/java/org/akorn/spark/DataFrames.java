package org.akorn.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.akorn.runtime.data.Column;
import org.akorn.runtime.data.DataFolder;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The test split of a data folder of {@code akorn train} (IDX, CIFAR-10 binary, npz, csv) as a
 * DataFrame for {@link CheckpointScorer}, read on the executors: each partition reads the folder
 * once per executor JVM (a path every executor can read, or a URI of Hadoop's file systems copied
 * once, {@link HadoopFolders}) and emits its rows, so no image travels from the driver.
 */
public final class DataFrames {
  /** The rows: {@code id} (the image's index), {@code seed}, {@code label} and {@code image}. */
  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType, false)
      .add("seed", DataTypes.LongType, false)
      .add("label", DataTypes.IntegerType, false)
      .add("image", DataTypes.createArrayType(DataTypes.FloatType, false), false);
  private static final Map<String, org.akorn.runtime.data.Dataset> SPLITS =
      new ConcurrentHashMap<>();

  private DataFrames() {}

  /**
   * The first {@code limit} images (all for 0) of the folder's test split, as rows {@code (id,
   * seed, label, image)}: image i, flattened in the declared order, with seed {@code seedBase +
   * i} (the noise {@code akorn eval --batch 1 --seed seedBase} draws for it).
   *
   * @param inputName the model's one input, which the folder's images feed
   * @param partitions how many partitions the rows are spread over
   * @throws IOException when the folder cannot be read here, on the driver, which counts the
   *     images
   */
  public static Dataset<Row> testSplit(SparkSession spark, String folder, String inputName,
      long seedBase, int limit, int partitions) throws IOException {
    int available = split(folder, inputName).size();
    int n = limit > 0 ? Math.min(limit, available) : available;
    FlatMapFunction<Iterator<Long>, Row> rows = ids -> rows(folder, inputName, seedBase, ids);
    JavaRDD<Row> rdd = spark.range(0, n, 1, Math.max(1, Math.min(partitions, Math.max(1, n))))
        .javaRDD().mapPartitions(rows);
    return spark.createDataFrame(rdd, SCHEMA);
  }

  private static Iterator<Row> rows(String folder, String inputName, long seedBase,
      Iterator<Long> ids) throws IOException {
    org.akorn.runtime.data.Dataset test = split(folder, inputName);
    Column images = test.inputs().get(0);
    int size = (int) images.exampleShape().size();
    float[] values = images.values();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public Row next() {
        long id = ids.next();
        int at = Math.toIntExact(id);
        float[] image = Arrays.copyOfRange(values, at * size, (at + 1) * size);
        return RowFactory.create(id, seedBase + id, (int) test.labels().first(at), image);
      }
    };
  }

  /** The folder's test split, read once per JVM. */
  private static org.akorn.runtime.data.Dataset split(String folder, String inputName)
      throws IOException {
    try {
      return SPLITS.computeIfAbsent(folder + "|" + inputName, k -> {
        try {
          return DataFolder.open(HadoopFolders.local(folder), List.of(inputName)).test();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
