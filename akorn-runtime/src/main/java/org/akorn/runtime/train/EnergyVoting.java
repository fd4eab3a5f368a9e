package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Energy-based voting at inference (the AKOrN Sudoku evaluation): run the model from K noise
 * initial states and keep, per sample of the batch, the prediction whose summed energy is lowest.
 *
 * <p>Selection is vectorised: the K predictions are stacked to {@code [K, B, ...]}, the energies to
 * {@code [K, B]}, the winner is {@code argmin} over K (NaN energies count as +infinity; ties go to
 * the earliest candidate) and the predictions are gathered along K. Each candidate run happens in
 * its own {@link NDScope}, so the run's activations are freed before the next one starts.
 */
public final class EnergyVoting {

  private EnergyVoting() {}

  /**
   * What one run from a noise state returns.
   *
   * @param prediction prediction or logits, {@code [B, ...]}
   * @param energy the summed energy per sample, {@code [B]}
   */
  public record Candidate(NDArray prediction, NDArray energy) {}

  /** Runs the model once from a noise state drawn from {@code seed}. */
  @FunctionalInterface
  public interface NoiseRun {
    /**
     * @param sample the candidate's index, 0..K-1
     * @param seed the seed for this candidate's noise ({@code baseSeed + sample})
     */
    Candidate run(int sample, long seed);
  }

  /**
   * The vote's outcome, attached to the caller's manager.
   *
   * @param prediction the winning prediction per sample, {@code [B, ...]}
   * @param energy the winning (lowest) energy per sample, {@code [B]}
   * @param chosen the index of the winning candidate per sample, {@code [B]} int64
   */
  public record Vote(NDArray prediction, NDArray energy, NDArray chosen) implements AutoCloseable {
    @Override
    public void close() {
      prediction.close();
      energy.close();
      chosen.close();
    }
  }

  /**
   * Runs {@code samples} candidates and votes.
   *
   * @param manager the manager the result is attached to
   * @param samples K, at least 1
   * @param baseSeed candidate k gets seed {@code baseSeed + k}
   * @param run runs the model from one noise state
   */
  public static Vote vote(NDManager manager, int samples, long baseSeed, NoiseRun run) {
    if (samples < 1) {
      throw new IllegalArgumentException("need at least one sample, got " + samples);
    }
    try (NDScope outer = new NDScope()) {
      outer.suppressNotUsedWarning();
      NDList predictions = new NDList(samples);
      NDList energies = new NDList(samples);
      for (int k = 0; k < samples; k++) {
        try (NDScope inner = new NDScope()) {
          inner.suppressNotUsedWarning();
          Candidate c = run.run(k, baseSeed + k);
          NDScope.unregister(c.prediction(), c.energy());
          predictions.add(c.prediction());
          energies.add(c.energy());
        }
        // Hand the candidate to the outer scope so it is freed after selection.
        NDScope.register(predictions.get(k));
        NDScope.register(energies.get(k));
      }
      return select(manager, predictions, energies);
    }
  }

  /**
   * Standard normal noise drawn on the host from {@code java.util.Random(seed).nextGaussian()}
   * (an algorithm the JDK specifies exactly), so a seed gives the same initial state on every
   * engine and device, with no global random state touched. Row-major order.
   *
   * @param manager the manager (and device) of the result
   * @param shape the noise shape, e.g. {@code [B, C, H, W]}
   * @param seed the seed, e.g. the one {@link NoiseRun#run} receives
   */
  public static NDArray gaussianNoise(NDManager manager, Shape shape, long seed) {
    Random random = new Random(seed);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return manager.create(values, shape);
  }

  /**
   * Picks, per sample, the candidate with the lowest energy.
   *
   * @param manager the manager the result is attached to
   * @param predictions K arrays {@code [B, ...]} of one shape
   * @param energies K arrays {@code [B]}
   * @throws IllegalArgumentException if the counts or shapes disagree
   */
  public static Vote select(NDManager manager, NDList predictions, NDList energies) {
    checkShapes(predictions, energies);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray stackedEnergy = NDArrays.stack(energies); // [K, B]
      NDArray finite =
          NDArrays.where(
              stackedEnergy.isNaN(), stackedEnergy.onesLike().mul(Float.POSITIVE_INFINITY),
              stackedEnergy);
      NDArray chosen = finite.argMin(0); // [B]
      NDArray stacked = NDArrays.stack(predictions); // [K, B, ...]
      Shape shape = stacked.getShape();
      long[] indexShape = new long[shape.dimension()];
      indexShape[0] = 1;
      indexShape[1] = shape.get(1);
      for (int i = 2; i < indexShape.length; i++) {
        indexShape[i] = 1;
      }
      long[] gatherShape = shape.getShape().clone();
      gatherShape[0] = 1;
      NDArray index = chosen.reshape(indexShape).broadcast(new Shape(gatherShape));
      NDArray prediction = stacked.gather(index, 0).squeeze(0);
      NDArray energy = stackedEnergy.gather(chosen.reshape(1, -1), 0).squeeze(0);
      NDArray[] out = {prediction, energy, chosen};
      for (NDArray a : out) {
        NDScope.unregister(a);
        a.attach(manager);
      }
      return new Vote(prediction, energy, chosen);
    }
  }

  private static void checkShapes(NDList predictions, NDList energies) {
    if (predictions.isEmpty() || predictions.size() != energies.size()) {
      throw new IllegalArgumentException(
          "need the same positive number of predictions and energies, got "
              + predictions.size() + " and " + energies.size());
    }
    Shape p0 = predictions.get(0).getShape();
    if (p0.dimension() < 1) {
      throw new IllegalArgumentException("predictions need a batch axis, got shape " + p0);
    }
    Shape e0 = new Shape(p0.get(0));
    for (int k = 0; k < predictions.size(); k++) {
      if (!predictions.get(k).getShape().equals(p0)) {
        throw new IllegalArgumentException(
            "prediction " + k + " has shape " + predictions.get(k).getShape() + ", expected " + p0);
      }
      if (!energies.get(k).getShape().equals(e0)) {
        throw new IllegalArgumentException(
            "energy " + k + " has shape " + energies.get(k).getShape() + ", expected " + e0);
      }
    }
  }
}
