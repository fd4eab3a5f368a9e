package org.akorn.runtime;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.runtime.nn.KuramotoResult;

/**
 * What an {@link AkornNetwork} run produced.
 *
 * @param outputs named outputs: the head's output under the network's output name, {@code
 *     x_last} (last state of the last layer) and {@code c_last} (last read-out)
 * @param layers per-layer states and energies, in stage order
 */
public record AkornResult(Map<String, NDArray> outputs, List<KuramotoResult> layers) {
  public AkornResult {
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    layers = List.copyOf(layers);
  }

  /** The named output; throws if absent. */
  public NDArray output(String name) {
    NDArray a = outputs.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no output '" + name + "'; have " + outputs.keySet());
    }
    return a;
  }
}
