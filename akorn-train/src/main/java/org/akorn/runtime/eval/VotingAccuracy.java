package org.akorn.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.data.Dataset;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.train.ConfidenceVoting;
import org.akorn.runtime.train.EnergyVoting;

/**
 * {@link Accuracy} of a vote over K random initial states per batch: energy voting (the run whose
 * last Kuramoto layer has the lowest energy summed over its steps) or C-voting (the run whose
 * prediction has the highest mean top-1 probability). Counted like {@link Accuracy}: every
 * labelled position, and per example whether all its positions are right.
 */
public final class VotingAccuracy {
  private VotingAccuracy() {}

  /** What ranks the K runs. */
  public enum Ranking {
    ENERGY, CONFIDENCE
  }

  /**
   * @param positionAccuracy the share of right positions (cells, or examples for a classifier)
   * @param exampleAccuracy the share of examples with every position right (boards)
   */
  public record Result(double positionAccuracy, double exampleAccuracy) {}

  /**
   * Evaluates {@code model} on {@code data} in batches, in inference mode; batch b votes over the
   * seeds {@code seed + b * samples + k}.
   *
   * @throws IllegalArgumentException when the model starts from no random state, or energy voting
   *     is asked of a model without Kuramoto layers
   */
  public static Result of(AkornModel model, Dataset data, int batchSize, RunOptions options, int samples,
      Ranking ranking) {
    if (!model.network().hasRandomInitialState()) {
      throw new IllegalArgumentException(model.modelName() + " starts from no random state, so every vote"
          + " would see the same run");
    }
    if (ranking == Ranking.ENERGY && model.network().stages().stream().allMatch(s -> s.layer() == null)) {
      throw new IllegalArgumentException(model.modelName() + " has no Kuramoto layer, hence no energy;"
          + " vote by confidence instead");
    }
    String output = model.network().outputName();
    long correct = 0;
    long total = 0;
    long boards = 0;
    long solved = 0;
    for (int from = 0, b = 0; from < data.size(); from += batchSize, b++) {
      int to = Math.min(data.size(), from + batchSize);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      try (NDManager m = model.manager().newSubManager()) {
        var inputs = data.inputs(m, idx);
        long base = options.seed() + (long) b * samples;
        NDArray logits;
        if (ranking == Ranking.CONFIDENCE) {
          logits = ConfidenceVoting.vote(m, samples, base,
              (k, seed) -> model.forward(inputs, options.withSeed(seed)).output(output)).prediction();
        } else {
          logits = EnergyVoting.vote(m, samples, base, (k, seed) -> {
            AkornResult r = model.forward(inputs, options.withSeed(seed));
            return new EnergyVoting.Candidate(r.output(output), summedEnergy(r.layers()));
          }).prediction();
        }
        int last = logits.getShape().dimension() - 1;
        long[] predicted = logits.argMax(last).toType(DataType.INT64, false).toLongArray();
        long[] labels = data.labels(m, idx).toType(DataType.INT64, false).toLongArray();
        int perExample = labels.length / idx.length;
        for (int e = 0; e < idx.length; e++) {
          boolean all = true;
          for (int i = e * perExample; i < (e + 1) * perExample; i++) {
            boolean right = predicted[i] == labels[i];
            correct += right ? 1 : 0;
            all &= right;
          }
          solved += all ? 1 : 0;
        }
        total += labels.length;
        boards += idx.length;
      }
    }
    return total == 0
        ? new Result(Double.NaN, Double.NaN)
        : new Result((double) correct / total, (double) solved / boards);
  }

  /** The last Kuramoto layer's energies summed over its steps, {@code [B]}. */
  private static NDArray summedEnergy(List<KuramotoResult> layers) {
    List<NDArray> energies = layers.get(layers.size() - 1).energies();
    NDArray sum = energies.get(0);
    for (int t = 1; t < energies.size(); t++) {
      sum = sum.add(energies.get(t));
    }
    return sum;
  }
}
