package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.akorn.runtime.weights.WeightMapping;

/**
 * One conv applied to both the state x and the stimulus c between layers (e.g. strided, channels
 * doubling). The reference holds it as {@code ModuleList([conv, conv])} (one module under two
 * names), so its reference keys are {@code 0.*} and {@code 1.*}, both mapped to the same
 * parameters (tied: the imported tensors must be equal).
 */
public final class SharedTransition extends AkornBlock {
  private final Conv2dBlock conv;

  public SharedTransition(Conv2dBlock conv) {
    this.conv = addChildBlock("conv", conv);
  }

  /** Applies the shared conv to x. */
  public NDArray applyToState(ParameterStore ps, NDArray x, boolean training) {
    return conv.apply(ps, x, training);
  }

  /** Applies the shared conv to c. */
  public NDArray applyToStimulus(ParameterStore ps, NDArray c, boolean training) {
    return conv.apply(ps, c, training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        applyToState(ps, inputs.get(0), training), applyToStimulus(ps, inputs.get(1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = conv.getOutputShapes(new Shape[] {inputShapes[0]})[0];
    return new Shape[] {s, s};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    conv.collectReferenceKeys(prefix + "0.", mapping);
    conv.collectReferenceKeys(prefix + "1.", mapping);
  }
}
