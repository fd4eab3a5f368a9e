package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.function.UnaryOperator;
import org.akorn.runtime.weights.WeightMapping;

/**
 * Natural frequency term: on consecutive channel pairs {@code (x0, x1) -> (w x1, -w x0)} with
 * {@code w} the L2 norm of a learnable 2-vector, one for the layer ({@link Scope#GLOBAL}) or one
 * per channel pair ({@link Scope#PER_PAIR}); reference key {@code omg_param}.
 */
public final class OmegaTerm extends ArrayOpBlock {

  /** Whether one frequency serves the whole layer or each channel pair has its own. */
  public enum Scope {
    GLOBAL,
    PER_PAIR
  }

  private final int channels;
  private final Scope scope;
  private final Parameter omega;

  /**
   * @param channels the layer's channel count (even)
   * @param scope global or per pair
   * @param init initial frequency; the 2-vector starts at {@code init / sqrt(2) * (1, 1)}
   * @param learnable whether the 2-vector is trained
   */
  public OmegaTerm(int channels, Scope scope, float init, boolean learnable) {
    if (channels % 2 != 0) {
      throw new IllegalArgumentException("Omega needs an even channel count, got " + channels);
    }
    this.channels = channels;
    this.scope = scope;
    Shape shape = scope == Scope.GLOBAL ? new Shape(2) : new Shape(channels / 2, 2);
    omega =
        addParameter(
            param(
                "omg_param",
                Parameter.Type.OTHER,
                shape,
                Inits.constant((float) (init / Math.sqrt(2.0))),
                learnable));
  }

  @Override
  public UnaryOperator<NDArray> bind(ParameterStore ps, NDArray like, boolean training) {
    NDArray p = ps.getValue(omega, like.getDevice(), training);
    int rank = like.getShape().dimension() + 1;
    long[] dims = new long[rank];
    java.util.Arrays.fill(dims, 1L);
    NDArray w;
    if (scope == Scope.GLOBAL) {
      w = p.square().sum().sqrt();
    } else {
      dims[1] = channels / 2;
      w = p.square().sum(new int[] {1}).sqrt().reshape(new Shape(dims));
    }
    // (x0, x1) -> (w x1, -w x0) == flip(pair) * (w, -w)
    long[] signDims = new long[rank];
    java.util.Arrays.fill(signDims, 1L);
    signDims[2] = 2;
    NDArray sign =
        NnUtil.onDeviceOf(
            NnUtil.constant(like.getManager(), new float[] {1f, -1f}, new Shape(signDims)), like)
            .toType(like.getDataType(), false); // a float32 sign would round a float64 w
    NDArray factor = sign.mul(w);
    return x -> {
      Shape s = x.getShape();
      return x.reshape(NnUtil.groupShape(s, 2)).flip(2).mul(factor).reshape(s);
    };
  }

  @Override
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return bind(ps, x, training).apply(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
    mapping.map(prefix + "omg_param", omega);
  }
}
