package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Random;
import org.akorn.runtime.weights.WeightMapping;

/**
 * How the first layer's initial oscillator state is made from the stimulus {@code c}: Gaussian
 * noise ({@link #noise()}), noise with clue cells clamped to {@code c} under a mask ({@link
 * #clampedNoise()}, the Sudoku reference) or a learned state ({@link #learned}).
 */
public abstract class InitialState extends AkornBlock {

  /** Whether {@link #create} reads {@code noise}. */
  public abstract boolean usesNoise();

  /**
   * Creates the initial state.
   *
   * @param c the first layer's stimulus {@code [B, C, ...]}
   * @param mask {@code [B, 1, ...]} with 1 on clue cells, or null
   * @param noise Gaussian noise shaped like c (when {@link #usesNoise()})
   */
  public abstract NDArray create(
      ParameterStore ps, NDArray c, NDArray mask, NDArray noise, boolean training);

  /**
   * Standard normal noise from a seeded {@link Random} (no engine-global RNG state), on the
   * manager's device.
   */
  public static NDArray gaussian(NDManager manager, Shape shape, long seed) {
    Random rnd = new Random(seed);
    float[] data = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) rnd.nextGaussian();
    }
    return manager.create(data, shape);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray c = inputs.get(0);
    NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
    NDArray noise = inputs.size() > 2 ? inputs.get(2) : null;
    return new NDList(create(ps, c, mask, noise, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {}

  /** x = noise. */
  public static InitialState noise() {
    return new InitialState() {
      @Override
      public boolean usesNoise() {
        return true;
      }

      @Override
      public NDArray create(
          ParameterStore ps, NDArray c, NDArray mask, NDArray noise, boolean training) {
        return noise;
      }
    };
  }

  /** x = mask * c + (1 - mask) * noise; the mask is required. */
  public static InitialState clampedNoise() {
    return new InitialState() {
      @Override
      public boolean usesNoise() {
        return true;
      }

      @Override
      public NDArray create(
          ParameterStore ps, NDArray c, NDArray mask, NDArray noise, boolean training) {
        if (mask == null) {
          throw new IllegalArgumentException("the clamped-noise initial state needs a mask");
        }
        return mask.mul(c).add(mask.neg().add(1f).mul(noise));
      }
    };
  }

  /** A learned state {@code [1, C, ...]} broadcast over the batch; reference key {@code x0}. */
  public static InitialState learned(Shape stateWithoutBatch) {
    return new Learned(stateWithoutBatch);
  }

  private static final class Learned extends InitialState {
    private final Parameter x0;

    Learned(Shape shape) {
      x0 =
          addParameter(
              param("x0", Parameter.Type.WEIGHT, new Shape(1).addAll(shape), Inits.normal(), true));
    }

    @Override
    public boolean usesNoise() {
      return false;
    }

    @Override
    public NDArray create(
        ParameterStore ps, NDArray c, NDArray mask, NDArray noise, boolean training) {
      return ps.getValue(x0, c.getDevice(), training).broadcast(c.getShape());
    }

    @Override
    public void collectReferenceKeys(String prefix, WeightMapping.Builder mapping) {
      mapping.map(prefix + "x0", x0);
    }
  }
}
