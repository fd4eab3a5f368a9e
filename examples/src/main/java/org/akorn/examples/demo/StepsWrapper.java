package org.akorn.examples.demo;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.akorn.runtime.AkornInput;
import org.akorn.runtime.AkornNetwork;
import org.akorn.runtime.RunOptions;

/**
 * The network as a trainable block that runs a chosen number of Kuramoto steps (the network's own
 * forward always runs its declared T). Inputs {@code (digits, given, noise)}; output the logits.
 * The trainer sees the network's parameters under this block's names.
 */
final class StepsWrapper extends AbstractBlock {
  private final AkornNetwork network;
  private int steps;

  StepsWrapper(AkornNetwork network, int steps) {
    this.network = addChildBlock("network", network);
    this.steps = steps;
  }

  /** The steps of the next forward pass. */
  void setSteps(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("steps must be positive, got " + value);
    }
    steps = value;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    AkornInput in = new AkornInput(inputs.get(0), inputs.get(1), inputs.get(2));
    return new NDList(network.run(ps, in,
        RunOptions.defaults().withSteps(steps).withTraining(training))
        .output(network.outputName()));
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
