package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Integer grid {@code [B, H, W]} (values in {@code [0, vocab)}) to stimulus {@code [B, C, H, W]}
 * by a learned table {@code weight [vocab, C]} (PyTorch's {@code nn.Embedding}, N(0,1) init).
 */
public final class EmbeddingStem extends ArrayOpBlock {
  private final int vocab;
  private final int channels;
  private final Parameter weight;

  public EmbeddingStem(int vocab, int channels) {
    this.vocab = vocab;
    this.channels = channels;
    weight =
        addParameter(
            param("weight", Parameter.Type.WEIGHT, new Shape(vocab, channels), Inits.normal(), true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray table = ps.getValue(weight, x.getDevice(), training);
    NDArray ids = x.toType(DataType.INT64, false).expandDims(-1);
    NDArray codes = NnUtil.onDeviceOf(x.getManager().arange(0, vocab, 1, DataType.INT64), x);
    NDArray oneHot = ids.eq(codes).toType(table.getDataType(), false);
    NDArray emb = oneHot.matMul(table); // [B, H, W, C]
    int rank = emb.getShape().dimension();
    int[] axes = new int[rank];
    axes[0] = 0;
    axes[1] = rank - 1;
    for (int i = 2; i < rank; i++) {
      axes[i] = i - 1;
    }
    return emb.transpose(axes); // a view; KuramotoLayer.run lays its loop inputs out row-major
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {new Shape(s.get(0), channels).addAll(s.slice(1))};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "weight", weight);
  }
}
