package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.akorn.runtime.weights.WeightMapping;

/**
 * One stage of an AKOrN network: an optional {@link SharedTransition} applied to x and c, a
 * {@link KuramotoLayer}, and a read-out chain turning the last state into the next stimulus (the
 * empty chain passes the state through). A stage without a layer is a chain of ordinary units
 * that transforms the stimulus c (a network without oscillators, e.g. a baseline CNN).
 *
 * <p>Reference keys: the stage has none of its own; map its parts with {@link #transition()},
 * {@link #layer()} and {@link #readOut()} under the model's own prefixes.
 */
public final class Stage extends AkornBlock {
  private final SharedTransition transition;
  private final KuramotoLayer layer;
  private final OpChain readOut;

  private Stage(Builder b) {
    this.transition = b.transition == null ? null : addChildBlock("transition", b.transition);
    this.layer = b.layer == null ? null : addChildBlock("klayer", b.layer);
    this.readOut = addChildBlock("readout", b.readOut == null ? ReadOuts.identity() : b.readOut);
  }

  public SharedTransition transition() {
    return transition;
  }

  /** The Kuramoto layer, or null for a stage of ordinary units on c. */
  public KuramotoLayer layer() {
    return layer;
  }

  public OpChain readOut() {
    return readOut;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray c = inputs.get(1);
    if (transition != null) {
      x = transition.applyToState(ps, x, training);
      c = transition.applyToStimulus(ps, c, training);
    }
    if (layer == null) {
      return new NDList(x, readOut.apply(ps, c, training));
    }
    KuramotoResult r = layer.run(ps, x, c, layer.getDefaultSteps(), null, false, training);
    return new NDList(r.last(), readOut.apply(ps, r.last(), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] s = transition == null ? inputShapes : transition.getOutputShapes(inputShapes);
    if (layer == null) {
      return new Shape[] {s[0], readOut.getOutputShapes(new Shape[] {s[1]})[0]};
    }
    return new Shape[] {s[0], readOut.getOutputShapes(new Shape[] {s[0]})[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (transition != null) {
      transition.collectReferenceKeys(prefix + "transition.", mapping);
    }
    if (layer != null) {
      layer.collectReferenceKeys(prefix + "klayer.", mapping);
    }
    readOut.collectReferenceKeys(prefix + "readout.", mapping);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder: layer, transition and read-out optional; a stage without a layer needs a chain. */
  public static final class Builder {
    private SharedTransition transition;
    private KuramotoLayer layer;
    private OpChain readOut;

    public Builder optTransition(SharedTransition transition) {
      this.transition = transition;
      return this;
    }

    public Builder setLayer(KuramotoLayer layer) {
      this.layer = layer;
      return this;
    }

    public Builder optReadOut(OpChain readOut) {
      this.readOut = readOut;
      return this;
    }

    public Stage build() {
      if (layer == null && (readOut == null || transition != null)) {
        throw new IllegalArgumentException(
            "a stage needs a Kuramoto layer, or a chain of units on c and no transition");
      }
      return new Stage(this);
    }
  }
}
