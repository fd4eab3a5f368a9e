package org.akorn.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Scores an AKOrN checkpoint over a {@code Dataset<Row>}: the model's one input comes flattened
 * from an {@code array<float>} column, or from a {@code binary} column of image files (the {@code
 * content} of Spark's {@code binaryFile} source; PNG, JPEG, BMP or GIF of the declared size,
 * values scaled to [0, 1]); the result has every input column plus the model's first
 * output as {@code array<float>} (named after it: {@code logits}, {@code features}, ...) and, for a
 * classifier head, {@code prediction} (int, the arg max) and {@code confidence} (float, its softmax
 * probability).
 *
 * <p>Each executor JVM loads the checkpoint once and shares it between its tasks; a task scores
 * its partition in batches of {@link Builder#batchSize}, freeing each batch's native memory before
 * the next. Every row starts from the Gaussian noise of its own seed ({@link Builder#seedColumn},
 * else {@link Builder#seed}) as drawn for a single example, whatever batch it lands in: the
 * scores equal the generated class's on the same batch bit for bit, those of batches of one equal
 * the class's on the row alone whatever the partitioning, and other batchings differ only by float
 * rounding (a batch of 4 against rows alone: within 1e-5). A row whose input is null,
 * of the wrong size or not finite fails the job with a message naming the row, or with {@link
 * Builder#skipBadRows} is dropped and counted ({@link #skippedRows()}).
 */
public final class CheckpointScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ScoringSettings settings;
  private transient LongAccumulator skipped;

  private CheckpointScorer(ScoringSettings settings) {
    this.settings = settings;
  }

  /** A scorer of the checkpoint at {@code checkpoint}, a path or URI every executor can read. */
  public static Builder builder(String checkpoint) {
    return new Builder(checkpoint);
  }

  /**
   * The scored rows (lazily, as any transformation). The model is loaded once on the driver to
   * check the columns and find the output's shape.
   *
   * @throws IllegalArgumentException when a named column is missing or of the wrong type
   */
  public Dataset<Row> transform(Dataset<Row> rows) {
    StructType schema = rows.schema();
    int input = column(schema, settings.inputColumn(), "input");
    DataType inputType = schema.fields()[input].dataType();
    boolean encodedImage = inputType.equals(DataTypes.BinaryType);
    if (!encodedImage && !(inputType instanceof ArrayType a
        && a.elementType().equals(DataTypes.FloatType))) {
      throw new IllegalArgumentException("input column " + settings.inputColumn() + " is "
          + inputType.simpleString() + "; it must be array<float> or binary (an image file)");
    }
    int id = settings.idColumn() == null ? -1 : column(schema, settings.idColumn(), "id");
    int seed = settings.seedColumn() == null ? -1 : column(schema, settings.seedColumn(), "seed");
    if (seed >= 0 && !schema.fields()[seed].dataType().equals(DataTypes.LongType)) {
      throw new IllegalArgumentException("seed column " + settings.seedColumn() + " is "
          + schema.fields()[seed].dataType().simpleString() + "; it must be bigint (long)");
    }
    ScoringModel model = ExecutorModels.get(settings);
    if (encodedImage) {
      EncodedImages.checkImageShape(model.rowShape());
    }
    StructType out = outputSchema(schema, model);
    SparkSession spark = rows.sparkSession();
    skipped = spark.sparkContext().longAccumulator("akorn skipped rows");
    return rows.mapPartitions(new PartitionScorer(settings, input, encodedImage, id, seed,
        skipped),
        Encoders.row(out));
  }

  /** The rows skipped as bad so far by the last {@link #transform}'s jobs (0 before any). */
  public long skippedRows() {
    return skipped == null ? 0 : skipped.value();
  }

  private static StructType outputSchema(StructType in, ScoringModel model) {
    StructType out = in.add(model.output(), DataTypes.createArrayType(DataTypes.FloatType, false),
        false);
    if (model.classifier()) {
      out = out.add("prediction", DataTypes.IntegerType, false)
          .add("confidence", DataTypes.FloatType, false);
    }
    for (String name : Arrays.stream(out.fields()).map(StructField::name).toList()) {
      if (Arrays.stream(out.fields()).filter(f -> f.name().equals(name)).count() > 1) {
        throw new IllegalArgumentException("the input already has a column " + name
            + ", which scoring adds; rename it first");
      }
    }
    return out;
  }

  private static int column(StructType schema, String name, String role) {
    for (int i = 0; i < schema.fields().length; i++) {
      if (schema.fields()[i].name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + role + " column " + name + "; the columns are "
        + Arrays.toString(schema.fieldNames()));
  }

  /** What to score and how. */
  public static final class Builder {
    private final String checkpoint;
    private String modelClass;
    private String inputColumn = "image";
    private String idColumn;
    private String seedColumn;
    private long seed;
    private int steps;
    private int batchSize = 32;
    private boolean skipBadRows;
    private int threadsPerTask = 1;
    private ModelFactory models;

    private Builder(String checkpoint) {
      this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** The generated class (qualified name); default: the one the checkpoint's source names. */
    public Builder modelClass(String name) {
      this.modelClass = name;
      return this;
    }

    /**
     * The column with the model's input (default {@code image}): {@code array<float>}, flattened,
     * or {@code binary}, an image file.
     */
    public Builder inputColumn(String name) {
      this.inputColumn = Objects.requireNonNull(name);
      return this;
    }

    /** A column whose value names a row in messages (default: partition and position). */
    public Builder idColumn(String name) {
      this.idColumn = name;
      return this;
    }

    /** A {@code long} column with each row's noise seed (default: {@link #seed} for every row). */
    public Builder seedColumn(String name) {
      this.seedColumn = name;
      return this;
    }

    /** The noise seed of every row when there is no seed column (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Kuramoto steps of every layer at scoring time (default: the trained ones). */
    public Builder steps(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("steps must be at least 1, got " + value);
      }
      this.steps = value;
      return this;
    }

    /** Rows per forward pass (default 32). */
    public Builder batchSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + value);
      }
      this.batchSize = value;
      return this;
    }

    /** Skip bad rows and count them instead of failing the job (default false). */
    public Builder skipBadRows(boolean value) {
      this.skipBadRows = value;
      return this;
    }

    /** PyTorch intra-op threads per executor core (default 1). */
    public Builder threadsPerTask(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("threads per task must be at least 1, got " + value);
      }
      this.threadsPerTask = value;
      return this;
    }

    /**
     * How each executor JVM builds the model (once), instead of loading {@link #modelClass} with
     * the checkpoint's weights: for a model class that is not on the executors' class path, such
     * as one compiled at run time from the checkpoint's source. The factory loads the weights
     * itself; the checkpoint then only names the model in messages.
     */
    public Builder modelFactory(ModelFactory factory) {
      this.models = Objects.requireNonNull(factory, "factory");
      return this;
    }

    public CheckpointScorer build() {
      return new CheckpointScorer(new ScoringSettings(checkpoint, modelClass, inputColumn,
          idColumn, seedColumn, seed, steps, batchSize, skipBadRows, threadsPerTask, models));
    }
  }
}
