package org.akorn.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Confidence-based voting (C-voting) at inference: run the model from K random initial states and
 * keep, per sample of the batch, the prediction whose mean top-1 probability over its positions is
 * highest. It needs no energy, so it applies to every model with a random initial state (an AKOrN
 * network, iterated attention with a random latent). Ties go to the earliest candidate; a NaN
 * confidence never wins.
 */
public final class ConfidenceVoting {

  private ConfidenceVoting() {}

  /** Runs the model once from the initial state drawn from {@code seed}; returns its logits. */
  @FunctionalInterface
  public interface LogitsRun {
    /**
     * @param sample the candidate's index, 0..K-1
     * @param seed the seed for this candidate's initial state ({@code baseSeed + sample})
     * @return logits {@code [B, ..., classes]}
     */
    NDArray run(int sample, long seed);
  }

  /**
   * The vote's outcome, attached to the caller's manager.
   *
   * @param prediction the winning logits per sample, {@code [B, ..., classes]}
   * @param confidence the winner's mean top-1 probability per sample, {@code [B]}
   * @param chosen the index of the winning candidate per sample, {@code [B]} int64
   */
  public record Vote(NDArray prediction, NDArray confidence, NDArray chosen) implements AutoCloseable {
    @Override
    public void close() {
      prediction.close();
      confidence.close();
      chosen.close();
    }
  }

  /**
   * The mean over every position of the top-1 softmax probability (softmax over the last axis):
   * {@code [B, ..., classes] -> [B]}.
   */
  public static NDArray confidence(NDArray logits) {
    int last = logits.getShape().dimension() - 1;
    NDArray top = logits.softmax(last).max(new int[] {last});
    return top.reshape(top.getShape().get(0), -1).mean(new int[] {1});
  }

  /**
   * Runs {@code samples} candidates and votes.
   *
   * @param manager the manager the result is attached to
   * @param samples K, at least 1
   * @param baseSeed candidate k gets seed {@code baseSeed + k}
   * @param run runs the model from one random initial state
   */
  public static Vote vote(NDManager manager, int samples, long baseSeed, LogitsRun run) {
    // The energy vote keeps the lowest value per sample: rank by the negated confidence.
    EnergyVoting.Vote v = EnergyVoting.vote(manager, samples, baseSeed, (k, seed) -> {
      NDArray logits = run.run(k, seed);
      return new EnergyVoting.Candidate(logits, confidence(logits).neg());
    });
    NDArray confidence = v.energy().neg();
    v.energy().close();
    return new Vote(v.prediction(), confidence, v.chosen());
  }
}
