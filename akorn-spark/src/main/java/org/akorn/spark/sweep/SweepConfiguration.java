package org.akorn.spark.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep's grid: its position, the value of every swept hyper-parameter, and the
 * name of its run folder ({@code run-03-ch=32-T=2}).
 *
 * @param index position in the grid, from 0
 * @param parameters every {@code -P} value of this point, in the order the options were given
 * @param folder the run folder's name inside the sweep's folder
 */
public record SweepConfiguration(int index, Map<String, String> parameters, String folder)
    implements Serializable {
  public SweepConfiguration {
    parameters = new LinkedHashMap<>(parameters);
  }

  @Override
  public Map<String, String> parameters() {
    return new LinkedHashMap<>(parameters);
  }

  /** The training command's overrides: {@code -P name=value} for every parameter. */
  public List<String> overrideArguments() {
    List<String> out = new ArrayList<>();
    parameters.forEach((k, v) -> {
      out.add("-P");
      out.add(k + "=" + v);
    });
    return out;
  }

  /** {@code ch=32, T=2}: the parameters as one line. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parameters.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }
}
