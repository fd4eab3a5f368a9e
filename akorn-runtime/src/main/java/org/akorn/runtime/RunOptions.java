package org.akorn.runtime;

/**
 * Options of one {@link AkornNetwork} run.
 *
 * @param steps steps per stage (length 1 applies to every stage), or null for each layer's
 *     default T; raise them for test-time extension
 * @param keepStates whether every state of every layer is returned (else only each layer's last)
 * @param training training mode (batch statistics, running-stat updates)
 * @param seed seed of the initial noise when the input carries none
 */
public record RunOptions(int[] steps, boolean keepStates, boolean training, long seed) {
  public RunOptions {
    steps = steps == null ? null : steps.clone();
  }

  /** Default steps, last states only, inference, seed 0. */
  public static RunOptions defaults() {
    return new RunOptions(null, false, false, 0L);
  }

  public RunOptions withSteps(int... steps) {
    return new RunOptions(steps, keepStates, training, seed);
  }

  public RunOptions withKeepStates(boolean keep) {
    return new RunOptions(steps, keep, training, seed);
  }

  public RunOptions withTraining(boolean train) {
    return new RunOptions(steps, keepStates, train, seed);
  }

  public RunOptions withSeed(long s) {
    return new RunOptions(steps, keepStates, training, s);
  }

  @Override
  public int[] steps() {
    return steps == null ? null : steps.clone();
  }

  int stepsFor(int stage, int layerDefault) {
    if (steps == null) {
      return layerDefault;
    }
    return steps.length == 1 ? steps[0] : steps[stage];
  }
}
