package org.akorn.runtime.nn;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What a {@link KuramotoLayer} run produced.
 *
 * @param states the states after each update {@code x_1..x_T}, or only {@code x_T} when the run
 *     did not keep states
 * @param energies {@code e_0 = 0, e_1..e_T}, each {@code [B]}; {@code e_t} is measured before
 *     update t
 */
public record KuramotoResult(List<NDArray> states, List<NDArray> energies) {
  public KuramotoResult {
    states = List.copyOf(states);
    energies = List.copyOf(energies);
  }

  /** The final state {@code x_T}. */
  public NDArray last() {
    return states.get(states.size() - 1);
  }

  /** The number of updates that were run. */
  public int steps() {
    return energies.size() - 1;
  }
}
