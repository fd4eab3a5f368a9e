package org.akorn.dsl.link;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.akorn.dsl.model.InputKind;

/** The names visible while linking one model: parameters, loop variables, inputs. */
final class Scope {
  private final Map<String, Value> parameters = new LinkedHashMap<>();
  private final Map<String, Value> loopVariables = new HashMap<>();
  private final Map<String, InputKind> inputs = new LinkedHashMap<>();

  /** Names whose declaration failed (already reported): uses evaluate silently to nothing. */
  private final java.util.Set<String> failed = new java.util.HashSet<>();

  void markFailed(String name) {
    failed.add(name);
  }

  boolean hasFailed(String name) {
    return failed.contains(name) && !isDefined(name);
  }

  void defineParameter(String name, Value value) {
    parameters.put(name, value);
  }

  void defineInput(String name, InputKind kind) {
    inputs.put(name, kind);
  }

  void bindLoopVariable(String name, Value value) {
    loopVariables.put(name, value);
  }

  void unbindLoopVariable(String name) {
    loopVariables.remove(name);
  }

  boolean isDefined(String name) {
    return parameters.containsKey(name) || loopVariables.containsKey(name) || inputs.containsKey(name);
  }

  Optional<Value> parameterOrVariable(String name) {
    Value v = loopVariables.get(name);
    if (v == null) {
      v = parameters.get(name);
    }
    return Optional.ofNullable(v);
  }

  Optional<InputKind> input(String name) {
    return Optional.ofNullable(inputs.get(name));
  }
}
