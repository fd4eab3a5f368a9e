package org.akorn.examples.demo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.akorn.examples.sudoku.Puzzle;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.train.ConfidenceVoting;
import org.akorn.runtime.train.EnergyVoting;

/**
 * Scores a Sudoku model on puzzles: one noise sample at a chosen number of Kuramoto steps, or
 * voting over K noise samples: energy-based (per puzzle, the prediction of the sample with the
 * lowest energy wins) or confidence-based (the prediction with the highest mean top-1
 * probability wins). Deterministic for a seed.
 */
public final class SudokuEvaluator {

  /** What ranks the voting samples: an energy, or the prediction's confidence. */
  public enum VoteEnergy {
    /** The sum of the energies of all steps. */
    SUM,
    /** The energy measured at the last step. */
    LAST,
    /**
     * No energy: the mean top-1 probability over the cells, highest wins (C-voting,
     * {@link ConfidenceVoting}).
     */
    CONFIDENCE
  }

  /**
   * One evaluation setting.
   *
   * @param label the row label of the report (e.g. "trained T")
   * @param steps Kuramoto steps T
   * @param samples noise samples K (1 = no voting)
   * @param voteEnergy which energy ranks the samples (when K > 1)
   */
  public record Setting(String label, int steps, int samples, VoteEnergy voteEnergy) {
    public Setting {
      if (steps < 1 || samples < 1) {
        throw new IllegalArgumentException("steps and samples must be positive");
      }
    }

    /** A setting without voting. */
    public Setting(String label, int steps) {
      this(label, steps, 1, VoteEnergy.LAST);
    }
  }

  /**
   * What one setting scored.
   *
   * @param meanEnergy the energy per step {@code e_0..e_T} averaged over the puzzles (without
   *     voting; for voting, of the winning samples' runs is not kept and this is empty; empty for
   *     a model without an {@code energies} output)
   * @param seconds wall time of the evaluation
   */
  public record Outcome(Setting setting, BoardScore score, double[] meanEnergy, double seconds) {}

  private final int batchSize;
  private final long seed;

  public SudokuEvaluator(int batchSize, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** Evaluates every setting in order. */
  public List<Outcome> evaluate(AkornModel model, List<Puzzle> puzzles, List<Setting> settings) {
    List<Outcome> out = new ArrayList<>();
    for (Setting s : settings) {
      out.add(evaluate(model, puzzles, s));
    }
    return out;
  }

  /** Evaluates one setting. */
  public Outcome evaluate(AkornModel model, List<Puzzle> puzzles, Setting setting) {
    long start = System.nanoTime();
    BoardScore score = BoardScore.EMPTY;
    double[] energySum = new double[setting.steps() + 1];
    for (int from = 0, batchIndex = 0; from < puzzles.size(); from += batchSize, batchIndex++) {
      List<Puzzle> chunk = puzzles.subList(from, Math.min(puzzles.size(), from + batchSize));
      long batchSeed = seed + 1_000_003L * batchIndex;
      try (NDManager m = model.manager().newSubManager();
          SudokuBatch batch = SudokuBatch.of(m, chunk)) {
        int[] predicted;
        if (setting.samples() == 1) {
          AkornResult r = model.forward(batch.inputs(), options(setting, batchSeed));
          predicted = digits(r.output("logits"));
          if (model.outputNames().contains("energies")) {
            float[] e = r.output("energies").sum(new int[] {1}).toFloatArray(); // [T+1]
            for (int t = 0; t < e.length; t++) {
              energySum[t] += e[t];
            }
          }
        } else if (setting.voteEnergy() == VoteEnergy.CONFIDENCE) {
          try (ConfidenceVoting.Vote vote = ConfidenceVoting.vote(m, setting.samples(), batchSeed,
              (k, s) -> model.forward(batch.inputs(), options(setting, s)).output("logits"))) {
            predicted = digits(vote.prediction());
          }
        } else {
          try (EnergyVoting.Vote vote =
              EnergyVoting.vote(m, setting.samples(), batchSeed, (k, s) -> candidate(
                  model, batch, setting, s))) {
            predicted = digits(vote.prediction());
          }
        }
        score = score.plus(BoardScore.of(chunk, predicted));
      }
    }
    double[] meanEnergy = new double[0];
    if (setting.samples() == 1 && !puzzles.isEmpty() && model.outputNames().contains("energies")) {
      meanEnergy = new double[energySum.length];
      for (int t = 0; t < energySum.length; t++) {
        meanEnergy[t] = energySum[t] / puzzles.size();
      }
    }
    return new Outcome(setting, score, meanEnergy, (System.nanoTime() - start) / 1e9);
  }

  private EnergyVoting.Candidate candidate(
      AkornModel model, SudokuBatch batch, Setting setting, long sampleSeed) {
    AkornResult r = model.forward(batch.inputs(), options(setting, sampleSeed));
    NDArray energies = r.output("energies"); // [T+1, B]
    NDArray energy =
        setting.voteEnergy() == VoteEnergy.SUM
            ? energies.sum(new int[] {0})
            : energies.get(energies.getShape().get(0) - 1);
    return new EnergyVoting.Candidate(r.output("logits"), energy);
  }

  private static RunOptions options(Setting setting, long s) {
    return RunOptions.defaults().withSteps(setting.steps()).withSeed(s);
  }

  /** Predicted digits 1..S, row-major, from logits {@code [B, S, S, S]}. */
  static int[] digits(NDArray logits) {
    return logits.argMax(-1).add(1).toType(DataType.INT32, false).toIntArray();
  }
}
