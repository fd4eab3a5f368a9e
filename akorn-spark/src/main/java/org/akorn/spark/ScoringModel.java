package org.akorn.spark;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.InitialState;
import org.akorn.runtime.nn.PooledLinearHead;

/**
 * A loaded checkpoint ready to score batches of flattened rows: the model's one input has the
 * shape {@link #rowShape()} per row; each row starts from the Gaussian noise its own seed draws
 * for a single example, whatever batch it lands in. Thread-safe:
 * every call works in its own arrays, freed before it returns.
 */
final class ScoringModel implements AutoCloseable {
  private final AkornModel model;
  private final String input;
  private final String output;
  private final Shape rowShape;
  private final Shape noiseShape;
  private final boolean classifier;

  ScoringModel(AkornModel model) {
    if (model.inputNames().size() != 1) {
      throw new IllegalArgumentException(model.modelName() + " takes " + model.inputNames().size()
          + " inputs " + model.inputNames() + "; scoring takes models of one input");
    }
    this.model = model;
    this.input = model.inputNames().get(0);
    this.output = model.outputNames().get(0);
    AkornNetwork network = model.network();
    Shape declared = network.getInputShapes()[0];
    this.rowShape = declared.slice(1);
    boolean oscillators = network.stages().stream().anyMatch(s -> s.layer() != null);
    if (oscillators && network.initialState().usesNoise()) {
      Shape one = new Shape(1).addAll(rowShape);
      Shape stimulus = network.stem() == null
          ? one : network.stem().getOutputShapes(new Shape[] {one})[0];
      this.noiseShape = stimulus.slice(1);
    } else {
      this.noiseShape = null;
    }
    this.classifier = network.head() instanceof PooledLinearHead;
  }

  AkornModel model() {
    return model;
  }

  /** The declared shape of one row's input, without the batch axis. */
  Shape rowShape() {
    return rowShape;
  }

  /** The output the scores come from (the first declared). */
  String output() {
    return output;
  }

  /** Whether the head is a classifier, so predicted class and confidence apply. */
  boolean classifier() {
    return classifier;
  }

  /**
   * Scores {@code rows} (each {@code rowShape().size()} values), row i from the noise of {@code
   * seeds[i]}; returns each row's output, flattened.
   */
  float[][] score(List<float[]> rows, long[] seeds, int steps) {
    int batch = rows.size();
    int size = Math.toIntExact(rowShape.size());
    float[] flat = new float[batch * size];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(rows.get(i), 0, flat, i * size, size);
    }
    RunOptions options = steps > 0 ? RunOptions.defaults().withSteps(steps) : RunOptions.defaults();
    try (NDScope scope = new NDScope();
        NDManager manager = model.manager().newSubManager()) {
      scope.suppressNotUsedWarning();
      NDArray x = manager.create(flat, new Shape(batch).addAll(rowShape));
      NDArray x0 = noiseShape == null ? null : noise(manager, seeds);
      AkornResult result = model.forward(Map.of(input, x), x0, options);
      float[] out = result.output(output).toFloatArray();
      int width = out.length / batch;
      float[][] scores = new float[batch][];
      for (int i = 0; i < batch; i++) {
        scores[i] = Arrays.copyOfRange(out, i * width, (i + 1) * width);
      }
      return scores;
    }
  }

  /** Each row's noise as its seed draws it for a batch of one, stacked. */
  private NDArray noise(NDManager manager, long[] seeds) {
    NDList rows = new NDList(seeds.length);
    Shape one = new Shape(1).addAll(noiseShape);
    for (long seed : seeds) {
      rows.add(InitialState.gaussian(manager, one, seed));
    }
    return rows.size() == 1 ? rows.head() : NDArrays.concat(rows);
  }

  @Override
  public void close() {
    model.close();
  }
}
