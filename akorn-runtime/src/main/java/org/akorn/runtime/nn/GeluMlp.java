package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.akorn.runtime.weights.WeightMapping;

/**
 * A Transformer's feed-forward sub-layer with a residual on every position of {@code [B, C,
 * ...]}: {@code x + Linear(hidden -> C)(GELU(Linear(C -> hidden)(norm(x))))}, GELU exact (erf),
 * norm a {@link ChannelLayerNorm} or none. Reference keys as the reference's
 * {@code TransformerBlock}: {@code layernorm2.*}, {@code mlp.0.*}, {@code mlp.2.*}.
 */
public final class GeluMlp extends ArrayOpBlock {
  private final ChannelLayerNorm norm;
  private final LinearBlock first;
  private final LinearBlock second;

  public GeluMlp(int channels, int hidden, boolean layerNorm) {
    norm = layerNorm ? addChildBlock("norm", new ChannelLayerNorm(channels)) : null;
    first = addChildBlock("fc0", new LinearBlock(channels, hidden, true));
    second = addChildBlock("fc1", new LinearBlock(hidden, channels, true));
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray in = norm == null ? x : norm.apply(ps, x, training);
    NDArray h = Activation.gelu(first.apply(ps, Tokens.of(in), training));
    return x.add(Tokens.back(second.apply(ps, h, training), x.getShape()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (norm != null) {
      norm.collectReferenceKeys(prefix + "layernorm2.", mapping);
    }
    first.collectReferenceKeys(prefix + "mlp.0.", mapping);
    second.collectReferenceKeys(prefix + "mlp.2.", mapping);
  }
}
