package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.akorn.runtime.weights.WeightMapping;

/**
 * A sequence of {@link ArrayOp}s applied in order (an empty chain is the identity). Reference
 * keys follow {@code nn.Sequential}: child i under {@code "<i>."}.
 */
public final class OpChain extends ArrayOpBlock {
  private final List<ArrayOp> ops;

  public OpChain(List<? extends ArrayOp> ops) {
    List<ArrayOp> list = new ArrayList<>();
    int i = 0;
    for (ArrayOp op : ops) {
      list.add(addChildBlock("op" + i++, op));
    }
    this.ops = List.copyOf(list);
  }

  /** The chain's parts in order. */
  public List<ArrayOp> ops() {
    return ops;
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray y = x;
    for (ArrayOp op : ops) {
      y = op.apply(ps, y, training);
    }
    return y;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] s = inputShapes;
    for (ArrayOp op : ops) {
      s = op.getOutputShapes(s);
    }
    return s;
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    for (int i = 0; i < ops.size(); i++) {
      ops.get(i).collectReferenceKeys(prefix + i + ".", mapping);
    }
  }
}
