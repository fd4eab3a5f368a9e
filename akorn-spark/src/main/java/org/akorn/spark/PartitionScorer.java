package org.akorn.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

/**
 * Scores one partition lazily, a batch at a time: reads up to {@code batchSize} rows, checks
 * each (the input present, of the declared size, finite), runs the batch and emits the rows with
 * their scores appended. A bad row fails the task with a message naming it, or is skipped and
 * counted.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final ScoringSettings settings;
  private final int inputIndex;
  private final int idIndex;
  private final int seedIndex;
  private final boolean encodedImage;
  private final LongAccumulator skipped;

  PartitionScorer(ScoringSettings settings, int inputIndex, boolean encodedImage, int idIndex,
      int seedIndex, LongAccumulator skipped) {
    this.settings = settings;
    this.inputIndex = inputIndex;
    this.encodedImage = encodedImage;
    this.idIndex = idIndex;
    this.seedIndex = seedIndex;
    this.skipped = skipped;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    ScoringModel model = ExecutorModels.get(settings);
    TaskContext task = TaskContext.get();
    int partition = task == null ? 0 : task.partitionId();
    return new Iterator<>() {
      private final List<Row> pending = new ArrayList<>();
      private int next;
      private long position;

      @Override
      public boolean hasNext() {
        while (next == pending.size()) {
          if (!rows.hasNext()) {
            return false;
          }
          scoreBatch();
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return pending.get(next++);
      }

      private void scoreBatch() {
        pending.clear();
        next = 0;
        List<Row> batch = new ArrayList<>(settings.batchSize());
        List<float[]> inputs = new ArrayList<>(settings.batchSize());
        List<Long> seeds = new ArrayList<>(settings.batchSize());
        while (batch.size() < settings.batchSize() && rows.hasNext()) {
          Row row = rows.next();
          String name = idIndex >= 0 ? settings.idColumn() + " " + row.get(idIndex)
              : "at position " + position + " of partition " + partition;
          position++;
          String problem = null;
          float[] values = null;
          try {
            values = RowInputs.values(row, inputIndex, model.rowShape(), settings.inputColumn(),
                encodedImage);
          } catch (BadRowException e) {
            problem = e.getMessage();
          }
          if (problem == null && seedIndex >= 0 && row.isNullAt(seedIndex)) {
            problem = settings.seedColumn() + " is null";
          }
          if (problem != null) {
            if (settings.skipBadRows()) {
              skipped.add(1);
              continue;
            }
            throw new BadRowException("row " + name + ": " + problem);
          }
          batch.add(row);
          inputs.add(values);
          seeds.add(seedIndex >= 0 ? row.getLong(seedIndex) : settings.seed());
        }
        if (batch.isEmpty()) {
          return;
        }
        long[] seedArray = seeds.stream().mapToLong(Long::longValue).toArray();
        float[][] scores = model.score(inputs, seedArray, settings.steps());
        for (int i = 0; i < batch.size(); i++) {
          pending.add(withScores(batch.get(i), scores[i], model.classifier()));
        }
      }
    };
  }

  private static Row withScores(Row row, float[] scores, boolean classifier) {
    int width = row.length();
    Object[] values = new Object[width + (classifier ? 3 : 1)];
    for (int i = 0; i < width; i++) {
      values[i] = row.get(i);
    }
    values[width] = scores;
    if (classifier) {
      int best = 0;
      for (int k = 1; k < scores.length; k++) {
        if (scores[k] > scores[best]) {
          best = k;
        }
      }
      double sum = 0;
      for (float s : scores) {
        sum += Math.exp((double) s - scores[best]);
      }
      values[width + 1] = best;
      values[width + 2] = (float) (1.0 / sum);
    }
    return RowFactory.create(values);
  }
}
