package org.akorn.dsl.link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.model.Shape;
import org.akorn.dsl.model.Stage;

/** What is known while walking a model's stages: the shapes of c and x, and what came before. */
final class FlowState {
  Shape stimulus;
  Shape state;
  /** Set once a stage failed to link: later "missing earlier stage" errors would be noise. */
  boolean broken;
  final java.util.Set<String> failedHeads = new java.util.HashSet<>();
  boolean sawStem;
  boolean sawInit;
  int layerCount;
  final List<Stage> stages = new ArrayList<>();
  final Map<String, Shape> heads = new LinkedHashMap<>();

  /** A 1-based running number per stage kind, for display names ("readout 2"). */
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  String nextName(String kind) {
    int n = counters.merge(kind, 1, Integer::sum);
    return kind + " " + n;
  }
}
