package org.akorn.runtime.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.akorn.runtime.AkornModel;
import org.akorn.runtime.AkornResult;
import org.akorn.runtime.RunOptions;
import org.akorn.runtime.nn.KuramotoResult;
import org.akorn.runtime.train.EnergyVoting;

/**
 * What the block of a served model computes: the model's inputs in declaration order, each with a
 * leading batch axis, to two arrays with the batch first, the output the translators read
 * ({@code [B, ...]}) and the energy summed over every layer and step ({@code [B]}; zeros for a
 * model without Kuramoto layers). With K votes the model runs from K noise states and, per
 * example, the run of lowest summed energy is kept.
 *
 * <p>Everything else a run creates (states, energies, other outputs) is freed before it returns;
 * the two results belong to the manager of the first input.
 */
final class ModelRunner implements Function<NDList, NDList> {
  private final AkornModel model;
  private final String output;
  private final RunOptions options;
  private final int votes;
  private final long seed;

  ModelRunner(AkornModel model, LoadArguments arguments) {
    this.model = model;
    this.output = arguments.output() == null ? model.outputNames().get(0) : arguments.output();
    if (!model.outputNames().contains(output)) {
      throw new IllegalArgumentException("Criteria argument output: " + model.modelName()
          + " has no output '" + output + "'; it has " + model.outputNames());
    }
    RunOptions base = RunOptions.defaults();
    this.options = arguments.steps() == null ? base : base.withSteps(arguments.steps());
    this.votes = arguments.votes();
    this.seed = arguments.seed();
  }

  /** The output the translators read. */
  String output() {
    return output;
  }

  @Override
  public NDList apply(NDList inputs) {
    if (inputs.size() != model.inputNames().size()) {
      throw new IllegalArgumentException(model.modelName() + " takes " + model.inputNames().size()
          + " inputs " + model.inputNames() + ", got " + inputs.size());
    }
    Map<String, NDArray> named = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      named.put(model.inputNames().get(i), inputs.get(i));
    }
    NDManager target = inputs.head().getManager();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray prediction;
      NDArray energy;
      if (votes == 1) {
        AkornResult r = model.forward(named, null, options.withSeed(seed));
        prediction = r.output(output);
        energy = summedEnergy(r, prediction.getShape().get(0), prediction.getManager());
      } else {
        EnergyVoting.Vote vote = EnergyVoting.vote(target, votes, seed, (k, s) -> {
          AkornResult r = model.forward(named, null, options.withSeed(s));
          NDArray p = r.output(output);
          return new EnergyVoting.Candidate(p, summedEnergy(r, p.getShape().get(0),
              p.getManager()));
        });
        vote.chosen().close();
        prediction = vote.prediction();
        energy = vote.energy();
      }
      NDScope.unregister(prediction, energy);
      prediction.attach(target);
      energy.attach(target);
      return new NDList(prediction, energy);
    }
  }

  private static NDArray summedEnergy(AkornResult r, long batch, NDManager manager) {
    NDArray total = manager.zeros(new Shape(batch));
    for (KuramotoResult layer : r.layers()) {
      total = total.add(NDArrays.stack(new NDList(layer.energies())).sum(new int[] {0}));
    }
    return total;
  }
}
