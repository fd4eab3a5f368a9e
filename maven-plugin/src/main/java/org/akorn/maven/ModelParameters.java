package org.akorn.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyper-parameter overrides for one model, as written in the plugin configuration:
 *
 * <pre>{@code
 * <models>
 *   <model>
 *     <name>Sudoku4</name>
 *     <parameters><T>16</T></parameters>
 *   </model>
 * </models>
 * }</pre>
 */
public class ModelParameters {
  /** The model's name as declared in its file ({@code model Sudoku4 { ... }}). */
  private String name;

  /** Parameter name to value text ("16", "0.5", "true", "[9, 7, 5]"). */
  private Map<String, String> parameters = new LinkedHashMap<>();

  public ModelParameters() {}

  public ModelParameters(String name, Map<String, String> parameters) {
    this.name = name;
    this.parameters = new LinkedHashMap<>(parameters);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Map<String, String> getParameters() {
    return parameters;
  }

  public void setParameters(Map<String, String> parameters) {
    this.parameters = parameters;
  }
}
