package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.function.UnaryOperator;
import org.akorn.runtime.weights.WeightMapping;

/**
 * A Transformer's attention sub-layer applied {@code steps} times with one set of weights:
 * {@code x = x + Attention(norm(x))}, norm a {@link ChannelLayerNorm} or none. With one step it is
 * a Transformer's; with more it is iterated self-attention (ItrSA), whose number of steps may be
 * raised at test time ({@link #apply(ParameterStore, NDArray, boolean, int)}). The attention is a
 * {@link GtaAttention} with Linear weights (optionally GTA); token inputs {@code [B, C, N]} run as
 * a {@code N x 1} grid. Reference keys as the reference's {@code TransformerBlock}:
 * {@code layernorm1.*}, {@code attn.*}.
 *
 * <p>With a random latent (ItrSA++) a Gaussian {@code z} shaped like the input {@code c} perturbs
 * what the first iteration attends over: {@code x_1 = c + Attention(norm(c + z))}, then {@code
 * x_(t+1) = x_t + Attention(norm(x_t))} as without it. The noise never enters the residual stream
 * itself, so training need not learn to cancel it; every draw of {@code z} is one random initial
 * state, and the runs can be voted on like an AKOrN network's.
 */
public final class IteratedSelfAttention extends ArrayOpBlock {
  private final ChannelLayerNorm norm;
  private final GtaAttention attention;
  private final int steps;
  private final boolean randomLatent;

  /**
   * @param gridHeight grid height for GTA (0 without GTA)
   * @param gridWidth grid width for GTA (0 without GTA)
   */
  public IteratedSelfAttention(int channels, int heads, int steps, boolean layerNorm, int gridHeight, int gridWidth) {
    this(channels, heads, steps, layerNorm, gridHeight, gridWidth, false);
  }

  /**
   * @param gridHeight grid height for GTA (0 without GTA)
   * @param gridWidth grid width for GTA (0 without GTA)
   * @param randomLatent perturb the first iteration's input by Gaussian noise (ItrSA++)
   */
  public IteratedSelfAttention(int channels, int heads, int steps, boolean layerNorm, int gridHeight, int gridWidth,
      boolean randomLatent) {
    this.randomLatent = randomLatent;
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    this.steps = steps;
    norm = layerNorm ? addChildBlock("norm", new ChannelLayerNorm(channels)) : null;
    GtaAttention.Builder b = GtaAttention.builder().setChannels(channels).setHeads(heads).optLinearWeights();
    if (gridHeight > 0) {
      b.optGta(gridHeight, gridWidth);
    }
    attention = addChildBlock("attn", b.build());
  }

  /** The number of iterations it was built with. */
  public int getDefaultSteps() {
    return steps;
  }

  /** Whether the iteration starts from a random latent (ItrSA++). */
  public boolean hasRandomLatent() {
    return randomLatent;
  }

  /** The default steps; a random latent is drawn with seed 0. */
  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return apply(ps, x, training, steps, randomLatent ? InitialState.gaussian(x.getManager(), x.getShape(), 0L) : null);
  }

  /** Runs {@code steps} iterations (at least 1); a random latent is drawn with seed 0. */
  public NDArray apply(ParameterStore ps, NDArray x, boolean training, int steps) {
    return apply(ps, x, training, steps, randomLatent ? InitialState.gaussian(x.getManager(), x.getShape(), 0L) : null);
  }

  /**
   * Runs {@code steps} iterations (at least 1).
   *
   * @param latent the initial latent, shaped like {@code x}, for a block with a random latent (else
   *     ignored)
   */
  public NDArray apply(ParameterStore ps, NDArray x, boolean training, int steps, NDArray latent) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    Shape shape = x.getShape();
    NDArray c = shape.dimension() == 3 ? x.expandDims(3) : x;
    UnaryOperator<NDArray> attn = attention.bind(ps, c, training);
    if (!randomLatent) {
      NDArray y = c;
      for (int t = 0; t < steps; t++) {
        y = y.add(attn.apply(norm == null ? y : norm.apply(ps, y, training)));
      }
      return y.reshape(shape);
    }
    if (latent == null || !latent.getShape().equals(shape)) {
      throw new IllegalArgumentException(
          "a random latent shaped " + shape + " is needed, got " + (latent == null ? "none" : latent.getShape()));
    }
    NDArray z = NnUtil.onDeviceOf(latent, c).toType(c.getDataType(), false).reshape(c.getShape());
    NDArray y = c;
    for (int t = 0; t < steps; t++) {
      NDArray in = t == 0 ? y.add(z) : y;
      y = y.add(attn.apply(norm == null ? in : norm.apply(ps, in, training)));
    }
    return y.reshape(shape);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    if (norm != null) {
      norm.collectReferenceKeys(prefix + "layernorm1.", mapping);
    }
    attention.collectReferenceKeys(prefix + "attn.", mapping);
  }
}
