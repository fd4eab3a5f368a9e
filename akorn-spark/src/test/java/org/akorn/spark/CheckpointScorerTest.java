package org.akorn.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.RunOptions;
import org.akorn.spark.models.TinyClassifier;
import org.akorn.spark.models.TinyFeatures;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoring in Spark local mode (two cores, a task may fail once): the scores equal the generated
 * class's on the same batches with each row's seed, bit for bit (batches of one: on each row
 * alone, over any partitioning), and other batchings agree within float rounding; bad rows
 * fail naming the row or are skipped and counted; a task that fails once is retried and every row
 * comes back exactly once.
 */
class CheckpointScorerTest {
  private static final int ROWS = 11;
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("seed", DataTypes.LongType, false)
      .add("image", DataTypes.createArrayType(DataTypes.FloatType, true), true);
  /** Injected failures so far; the tests run in this JVM (local mode). */
  private static final AtomicInteger INJECTED = new AtomicInteger();
  /** Models built by {@link TinyFactory} in this JVM. */
  private static final AtomicInteger FACTORY_BUILDS = new AtomicInteger();

  @TempDir static Path dir;
  private static SparkSession spark;
  private static Path classifier;
  private static Path features;

  @BeforeAll
  static void start() throws Exception {
    System.setProperty("java.awt.headless", "true");
    classifier = dir.resolve("classifier.ckpt");
    try (TinyClassifier model = TinyClassifier.builder().build()) {
      model.saveCheckpoint(classifier);
    }
    features = dir.resolve("features.ckpt");
    try (TinyFeatures model = TinyFeatures.builder().build()) {
      model.saveCheckpoint(features);
    }
    spark = SparkSession.builder()
        .master("local[2,2]")
        .appName("akorn-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "3")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    ExecutorModels.closeAll();
  }

  @Test
  void classifierScoresEqualTheGeneratedClassOnTheSameBatches() throws Exception {
    List<float[]> images = images(ROWS, 64, 1);
    CheckpointScorer scorer = classifierScorer().batchSize(4).build();
    // One partition in row order: the batches are rows 0-3, 4-7 and 8-10.
    List<Row> scored = scorer.transform(frame(images, 4).orderBy("id").coalesce(1))
        .collectAsList();

    assertThat(scored.stream().map(r -> r.getInt(0)).toList())
        .containsExactlyElementsIn(IntStream.range(0, ROWS).boxed().toList()).inOrder();
    assertThat(JniUtils.getNumThreads()).isEqualTo(1);
    try (AkornModel model = TinyClassifier.fromCheckpoint(classifier)) {
      for (int from = 0; from < ROWS; from += 4) {
        int to = Math.min(ROWS, from + 4);
        float[][] expected = batch(model, images.subList(from, to), from);
        for (int i = from; i < to; i++) {
          Row row = scored.get(i);
          float[] logits = floats(row.getList(row.fieldIndex("logits")));
          assertThat(logits).isEqualTo(expected[i - from]);
          // Within float rounding of the row scored alone (other batch sizes round differently).
          float[] alone = alone(model, images.get(i), new Shape(1, 1, 8, 8), 100 + i);
          assertThat(logits).usingTolerance(1e-5).containsExactly(alone).inOrder();
          int best = 0;
          double sum = 0;
          for (int k = 0; k < logits.length; k++) {
            best = logits[k] > logits[best] ? k : best;
          }
          for (float v : logits) {
            sum += Math.exp(v);
          }
          assertThat(row.getInt(row.fieldIndex("prediction"))).isEqualTo(best);
          assertThat((double) row.getFloat(row.fieldIndex("confidence")))
              .isWithin(1e-6).of(Math.exp(logits[best]) / sum);
        }
      }
    }
    assertThat(scorer.skippedRows()).isEqualTo(0);
  }

  @Test
  void batchesOfOneEqualTheGeneratedClassOnEachRowAloneOverFourPartitions() throws Exception {
    List<float[]> images = images(ROWS, 64, 7);
    List<Row> scored = byId(classifierScorer().batchSize(1).build()
        .transform(frame(images, 4)).collectAsList());

    assertThat(scored).hasSize(ROWS);
    try (AkornModel model = TinyClassifier.fromCheckpoint(classifier)) {
      for (int i = 0; i < ROWS; i++) {
        float[] expected = alone(model, images.get(i), new Shape(1, 1, 8, 8), 100 + i);
        assertThat(floats(scored.get(i).getList(3))).isEqualTo(expected);
      }
    }
  }

  @Test
  void featuresHeadGivesTheFeatureVectorOfEachRowAlone() throws Exception {
    List<float[]> images = images(5, 3 * 64, 2);
    CheckpointScorer scorer = CheckpointScorer.builder(features.toUri().toString())
        .modelClass(TinyFeatures.class.getName()).idColumn("id").seedColumn("seed")
        .batchSize(1).build();
    Dataset<Row> out = scorer.transform(frame(images, 2));

    assertThat(out.schema().fieldNames()).asList()
        .containsExactly("id", "seed", "image", "features").inOrder();
    List<Row> scored = byId(out.collectAsList());
    try (AkornModel model = TinyFeatures.fromCheckpoint(features)) {
      for (int i = 0; i < images.size(); i++) {
        float[] expected = alone(model, images.get(i), new Shape(1, 3, 8, 8), 100 + i);
        assertThat(expected).hasLength(5);
        assertThat(floats(scored.get(i).getList(3))).isEqualTo(expected);
      }
    }
  }

  @Test
  void aModelFactoryBuildsTheModelOnceAndScoresAsTheNamedClass() throws Exception {
    List<float[]> images = images(ROWS, 64, 8);
    FACTORY_BUILDS.set(0);
    List<Row> named = byId(classifierScorer().batchSize(2).build()
        .transform(frame(images, 3)).collectAsList());
    CheckpointScorer scorer = CheckpointScorer.builder(classifier.toString())
        .modelFactory(new TinyFactory(classifier.toString())).idColumn("id").seedColumn("seed")
        .batchSize(2).build();
    List<Row> built = byId(scorer.transform(frame(images, 3)).collectAsList());

    assertThat(built).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(built.get(i).getList(3)).isEqualTo(named.get(i).getList(3));
      assertThat(built.get(i).getInt(4)).isEqualTo(named.get(i).getInt(4));
    }
    // The driver's check and both local executor threads share one model per JVM.
    assertThat(FACTORY_BUILDS.get()).isEqualTo(1);
  }

  /** Builds the tiny classifier from its generated class, counting the builds of this JVM. */
  private record TinyFactory(String checkpoint) implements ModelFactory {
    @Override
    public String key() {
      return "tiny-factory|" + checkpoint;
    }

    @Override
    public AkornModel newModel() throws java.io.IOException {
      FACTORY_BUILDS.incrementAndGet();
      return TinyClassifier.fromCheckpoint(Path.of(checkpoint));
    }
  }

  @Test
  void aBadRowFailsTheJobNamingTheRow() {
    List<float[]> images = images(6, 64, 3);
    images.get(4)[17] = Float.NaN;
    Dataset<Row> frame = frame(images, 2);

    SparkException e = assertThrows(SparkException.class,
        () -> classifierScorer().build().transform(frame).collectAsList());
    assertThat(e.getMessage())
        .contains("row id 4: image has 1 NaN or infinite value (first at index 17)");

    List<float[]> short1 = images(6, 64, 3);
    short1.set(2, new float[63]);
    SparkException wrongSize = assertThrows(SparkException.class,
        () -> classifierScorer().build().transform(frame(short1, 2)).collectAsList());
    assertThat(wrongSize.getMessage())
        .contains("row id 2: image has 63 values; the model expects 64 ((1, 8, 8))");
  }

  @Test
  void badRowsAreSkippedAndCountedWithTheOption() {
    List<float[]> images = images(8, 64, 4);
    images.get(1)[0] = Float.POSITIVE_INFINITY;
    images.set(6, null);
    CheckpointScorer scorer = classifierScorer().skipBadRows(true).batchSize(3).build();

    List<Row> scored = byId(scorer.transform(frame(images, 3)).collectAsList());

    assertThat(scored.stream().map(r -> r.getInt(0)).toList())
        .containsExactly(0, 2, 3, 4, 5, 7).inOrder();
    assertThat(scorer.skippedRows()).isEqualTo(2);
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndEveryRowComesBackOnce() {
    List<float[]> images = images(ROWS, 64, 5);
    Dataset<Row> frame = frame(images, 3);
    List<Row> clean = byId(classifierScorer().batchSize(2).build().transform(frame)
        .collectAsList());
    int before = INJECTED.get();

    Dataset<Row> failing = frame.mapPartitions(new FailFirstAttempt(), Encoders.row(SCHEMA));
    List<Row> retried = byId(classifierScorer().batchSize(2).build().transform(failing)
        .collectAsList());

    assertThat(INJECTED.get()).isEqualTo(before + 1);
    assertThat(retried.stream().map(r -> r.getInt(0)).toList())
        .containsExactlyElementsIn(IntStream.range(0, ROWS).boxed().toList())
        .inOrder();
    for (int i = 0; i < ROWS; i++) {
      assertThat(floats(retried.get(i).getList(3))).isEqualTo(floats(clean.get(i).getList(3)));
    }
  }

  @Test
  void wrongColumnsAreOneClearMessage() {
    Dataset<Row> frame = frame(images(2, 64, 6), 1);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> classifierScorer().inputColumn("pixels").build().transform(frame));
    assertThat(missing).hasMessageThat()
        .isEqualTo("no input column pixels; the columns are [id, seed, image]");
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> classifierScorer().inputColumn("seed").build().transform(frame));
    assertThat(type).hasMessageThat()
        .isEqualTo("input column seed is bigint; it must be array<float> or binary (an image file)");
  }

  @Test
  void imageFilesOfTheBinaryFileSourceAreDecodedAndScored() throws Exception {
    Path images = Files.createDirectories(dir.resolve("images"));
    float[][] expected = new float[3][64];
    for (int i = 0; i < 3; i++) {
      BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          int v = (37 * i + 29 * x + 13 * y) % 256;
          grey.getRaster().setSample(x, y, 0, v);
          expected[i][y * 8 + x] = v / 255f;
        }
      }
      ImageIO.write(grey, "png", images.resolve("good" + i + ".png").toFile());
    }
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
        images.resolve("rgb.png").toFile());
    ImageIO.write(new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY), "png",
        images.resolve("wide.png").toFile());
    Files.writeString(images.resolve("notes.png"), "not an image");
    Dataset<Row> files = spark.read().format("binaryFile").load(images.toString());

    CheckpointScorer failing = CheckpointScorer.builder(classifier.toString())
        .modelClass(TinyClassifier.class.getName()).inputColumn("content").idColumn("path")
        .seed(5).build();
    SparkException e = assertThrows(SparkException.class,
        () -> failing.transform(files.filter("path like '%rgb.png'")).collectAsList());
    assertThat(e.getMessage()).contains("rgb.png: content has 3 colour channels; the model expects 1");

    CheckpointScorer scorer = CheckpointScorer.builder(classifier.toString())
        .modelClass(TinyClassifier.class.getName()).inputColumn("content").idColumn("path")
        .seed(5).batchSize(1).skipBadRows(true).build();
    List<Row> scored = new ArrayList<>(scorer.transform(files).collectAsList());
    scored.sort((a, b) -> a.getString(0).compareTo(b.getString(0)));

    assertThat(scored.stream().map(r -> Path.of(r.getString(0).replace("file:", ""))
        .getFileName().toString()).toList())
        .containsExactly("good0.png", "good1.png", "good2.png").inOrder();
    assertThat(scorer.skippedRows()).isEqualTo(3);
    try (AkornModel model = TinyClassifier.fromCheckpoint(classifier)) {
      for (int i = 0; i < 3; i++) {
        Row row = scored.get(i);
        assertThat(floats(row.getList(row.fieldIndex("logits"))))
            .isEqualTo(alone(model, expected[i], new Shape(1, 1, 8, 8), 5));
      }
    }
  }

  /** Fails partition 1 on its first attempt, after reading one row. */
  private static final class FailFirstAttempt implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      TaskContext task = TaskContext.get();
      List<Row> all = new ArrayList<>();
      rows.forEachRemaining(all::add);
      if (task.partitionId() == 1 && task.attemptNumber() == 0) {
        INJECTED.incrementAndGet();
        throw new IllegalStateException("injected failure of partition 1, attempt 0");
      }
      return all.iterator();
    }
  }

  private static CheckpointScorer.Builder classifierScorer() {
    return CheckpointScorer.builder(classifier.toString())
        .modelClass(TinyClassifier.class.getName()).idColumn("id").seedColumn("seed");
  }

  /**
   * The classifier's logits on {@code images} as one batch, row i from the noise of seed {@code
   * 100 + first + i} (the stimulus is [ch 8, 4, 4] after the 2x2 patch stem).
   */
  private static float[][] batch(AkornModel model, List<float[]> images, int first) {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] flat = new float[images.size() * 64];
      float[] noise = new float[images.size() * 128];
      for (int i = 0; i < images.size(); i++) {
        System.arraycopy(images.get(i), 0, flat, i * 64, 64);
        Random random = new Random(100 + first + i);
        for (int j = 0; j < 128; j++) {
          noise[i * 128 + j] = (float) random.nextGaussian();
        }
      }
      NDArray x = m.create(flat, new Shape(images.size(), 1, 8, 8));
      NDArray x0 = m.create(noise, new Shape(images.size(), 8, 4, 4));
      float[] out = model.forward(Map.of("image", x), x0, RunOptions.defaults())
          .output("logits").toFloatArray();
      float[][] rows = new float[images.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = Arrays.copyOfRange(out, i * 3, i * 3 + 3);
      }
      return rows;
    }
  }

  /** The model's first output on one image alone, from the noise of {@code seed}. */
  private static float[] alone(AkornModel model, float[] image, Shape shape, long seed) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(image, shape);
      return model.forward(Map.of("image", x), RunOptions.defaults().withSeed(seed))
          .output(model.outputNames().get(0)).toFloatArray();
    }
  }

  private static List<float[]> images(int count, int size, long seed) {
    Random random = new Random(seed);
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] image = new float[size];
      for (int j = 0; j < size; j++) {
        image[j] = random.nextFloat();
      }
      out.add(image);
    }
    return out;
  }

  /** Rows (id, seed 100 + id, image) in {@code partitions} partitions. */
  private static Dataset<Row> frame(List<float[]> images, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      float[] image = images.get(i);
      List<Float> boxed = null;
      if (image != null) {
        boxed = new ArrayList<>();
        for (float v : image) {
          boxed.add(v);
        }
      }
      rows.add(RowFactory.create(i, 100L + i, boxed));
    }
    return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  private static List<Row> byId(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort((a, b) -> Integer.compare(a.getInt(0), b.getInt(0)));
    return sorted;
  }

  private static float[] floats(List<Object> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (Float) values.get(i);
    }
    return out;
  }

}
