package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.RunOptions;

/**
 * A model as a trainable block: inputs in the model's declared order, output its head. Before each
 * step the trainer sets the seed of the initial noise (fresh noise every step) and, optionally, a
 * number of Kuramoto steps other than the declared T. Its parameters are the network's, under
 * {@code network.}.
 */
public final class TrainableModel extends AbstractBlock {
  private final AkornModel model;
  private final AkornNetwork network;
  private final List<String> inputNames;
  private Integer steps;
  private long seed;

  public TrainableModel(AkornModel model) {
    this.model = model;
    this.network = addChildBlock("network", model.network());
    this.inputNames = model.inputNames();
  }

  /** The steps of the next forward passes (null: the declared ones). */
  public void setSteps(Integer value) {
    if (value != null && value < 1) {
      throw new IllegalArgumentException("steps must be positive, got " + value);
    }
    steps = value;
  }

  /** The seed of the next forward pass's initial noise. */
  public void setSeed(long value) {
    seed = value;
  }

  /** The model trained. */
  public AkornModel model() {
    return model;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (int i = 0; i < inputNames.size(); i++) {
      byName.put(inputNames.get(i), inputs.get(i));
    }
    RunOptions options = RunOptions.defaults().withTraining(training).withSeed(seed);
    if (steps != null) {
      options = options.withSteps(steps);
    }
    return new NDList(model.forward(byName, options).output(network.outputName()));
  }

  /** Initialised with the network (the wrapper adds no parameters). */
  @Override
  public boolean isInitialized() {
    return network.isInitialized();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {network.getOutputShapes(inputShapes)[0]};
  }
}
