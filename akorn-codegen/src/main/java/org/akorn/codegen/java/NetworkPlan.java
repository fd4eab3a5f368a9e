package org.akorn.codegen.java;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.diag.DiagnosticCode;
import org.akorn.dsl.diag.DiagnosticSink;
import org.akorn.dsl.model.CellHeadInput;
import org.akorn.dsl.model.InitKind;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.NextStateSource;
import org.akorn.dsl.model.Stage;
import org.akorn.dsl.model.TokenNorm;

/**
 * A model's stages grouped the way the runtime assembles them: a stem, an initial state, network
 * stages (optional transition, one Kuramoto layer, its read-out chain) and a head; a model without
 * Kuramoto layers has a stem, ordinary units ({@code features}) and a head, or a read-out chain
 * alone on a given state. Reports what the runtime cannot express.
 */
record NetworkPlan(
    Stage stem,
    Stage.InitialState init,
    List<LayerPlan> layers,
    List<Stage> readOutOnly,
    Stage head) {

  /** One runtime stage: optional transition, the layer, the read-out parts after it. */
  record LayerPlan(Stage.Transition transition, Stage.KuramotoLayer layer, List<Stage> readOut) {}

  /** The reference state_dict layout the model's weights import uses. */
  enum Layout {
    READ_OUT_ONLY, SINGLE_LAYER, SUDOKU, OBJECTS, CLASSIFICATION, SUDOKU_TRANSFORMER, NATIVE
  }

  boolean hasLayers() {
    return !layers.isEmpty();
  }

  /**
   * Whether the model is assembled as a runtime {@code AkornNetwork}: it has Kuramoto layers, or
   * a stem followed by ordinary units ({@code features}) and a head. The alternative is a
   * read-out chain alone on a given state.
   */
  boolean isNetwork() {
    return hasLayers() || (stem != null && (init == null || init.kind() != InitKind.GIVEN));
  }

  /** The name of the input the stem (or the given state) reads. */
  String primaryInput() {
    if (stem instanceof Stage.EmbeddingStem s) {
      return s.input();
    }
    if (stem instanceof Stage.PatchifyStem s) {
      return s.input();
    }
    if (stem instanceof Stage.ConvStem s) {
      return s.input();
    }
    if (stem instanceof Stage.IdentityStem s) {
      return s.input();
    }
    return init == null ? null : init.stateInput();
  }

  /** Whether gamma lives on the network (the reference families) rather than on each layer. */
  boolean networkGamma() {
    return hasLayers() && stem != null && !(stem instanceof Stage.IdentityStem);
  }

  Layout layout() {
    if (!isNetwork()) {
      return Layout.READ_OUT_ONLY;
    }
    if (!hasLayers()) {
      return isSudokuTransformer() ? Layout.SUDOKU_TRANSFORMER : Layout.NATIVE;
    }
    if (stem instanceof Stage.EmbeddingStem) {
      return Layout.SUDOKU;
    }
    if (stem instanceof Stage.PatchifyStem) {
      return Layout.OBJECTS;
    }
    if (stem instanceof Stage.ConvStem) {
      return Layout.CLASSIFICATION;
    }
    if (layers.size() == 1 && head == null && layers.get(0).readOut().isEmpty()
        && layers.get(0).transition() == null) {
      return Layout.SINGLE_LAYER;
    }
    return Layout.NATIVE;
  }

  /**
   * The reference's Sudoku Transformer: an embedding stem, an optional position table, then
   * blocks of (pre-norm attention, pre-norm GELU MLP), and a LayerNorm cell classifier.
   */
  private boolean isSudokuTransformer() {
    if (!(stem instanceof Stage.EmbeddingStem)
        || !(head instanceof Stage.CellClassifier c && c.input() == CellHeadInput.LAYER_NORM)) {
      return false;
    }
    int i = !readOutOnly.isEmpty() && readOutOnly.get(0) instanceof Stage.SinCosPosition ? 1 : 0;
    if (i == readOutOnly.size() || (readOutOnly.size() - i) % 2 != 0) {
      return false;
    }
    for (; i < readOutOnly.size(); i += 2) {
      if (!(readOutOnly.get(i) instanceof Stage.SelfAttention a && a.norm() == TokenNorm.LAYER)
          || !(readOutOnly.get(i + 1) instanceof Stage.GeluMlp m && m.norm() == TokenNorm.LAYER)) {
        return false;
      }
    }
    return true;
  }

  static NetworkPlan of(ModelSpec model, DiagnosticSink sink) {
    Stage stem = null;
    Stage.InitialState init = null;
    Stage head = null;
    List<LayerPlan> layers = new ArrayList<>();
    List<Stage> before = new ArrayList<>();
    Stage.Transition pendingTransition = null;
    List<Stage> currentReadOut = before;
    for (Stage s : model.stages()) {
      if (head != null) {
        unsupported(sink, s, "stages after the head '" + head.info().name() + "'");
        continue;
      }
      if (s instanceof Stage.EmbeddingStem || s instanceof Stage.PatchifyStem
          || s instanceof Stage.ConvStem || s instanceof Stage.IdentityStem) {
        stem = s;
      } else if (s instanceof Stage.InitialState i) {
        init = i;
      } else if (s instanceof Stage.Transition t) {
        if (pendingTransition != null) {
          unsupported(sink, s, "two transitions before one layer");
        }
        pendingTransition = t;
      } else if (s instanceof Stage.KuramotoLayer l) {
        List<Stage> ro = new ArrayList<>();
        layers.add(new LayerPlan(pendingTransition, l, ro));
        pendingTransition = null;
        currentReadOut = ro;
      } else if (s instanceof Stage.NextState n) {
        if (n.source() != NextStateSource.LAST_STATE) {
          unsupported(sink, s, "a next state other than the last state");
        }
      } else if (s.isHead()) {
        head = s;
      } else {
        currentReadOut.add(s);
      }
    }
    int body = 0;
    for (int i = 0; i < model.stages().size(); i++) {
      if (!model.stages().get(i).isHead()) {
        body = i + 1;
      }
    }
    for (org.akorn.dsl.model.OutputSpec out : model.outputs()) {
      boolean snapshot = out.source() == org.akorn.dsl.model.OutputSource.STATE
          || out.source() == org.akorn.dsl.model.OutputSource.STIMULUS
          || out.source() == org.akorn.dsl.model.OutputSource.STATES;
      if (snapshot && out.afterStage() < body) {
        sink.error(DiagnosticCode.NOT_GENERATABLE, out.span(),
            "the Java generator does not support output '" + out.name()
                + "' taken before the last stage; declare it after the last layer and read-out");
      }
    }
    if (pendingTransition != null) {
      unsupported(sink, pendingTransition, "a transition without a following layer");
    }
    if (!layers.isEmpty()) {
      if (!before.isEmpty()) {
        unsupported(sink, before.get(0), "read-out stages before the first layer");
      }
      if (init != null && init.kind() == InitKind.GIVEN) {
        unsupported(sink, init, "a given initial state in a model with Kuramoto layers");
      }
    } else if (stem != null && (init == null || init.kind() != InitKind.GIVEN)) {
      for (Stage s : before) {
        if (!(s instanceof Stage.FeedForward || s instanceof Stage.NormReluConv || s instanceof Stage.LayerNorm
            || s instanceof Stage.SelfAttention || s instanceof Stage.GeluMlp || s instanceof Stage.SinCosPosition)) {
          unsupported(sink, s, "a read-out in a model without Kuramoto layers; use features = ...");
        }
      }
    } else {
      if (head != null) {
        unsupported(sink, head, "a head in a model without Kuramoto layers");
      }
      if (init == null || init.kind() != InitKind.GIVEN) {
        unsupported(sink, model.stages().isEmpty() ? null : model.stages().get(0),
            "a model without Kuramoto layers that does not start from a given state");
      }
    }
    return new NetworkPlan(stem, init, List.copyOf(layers), List.copyOf(before), head);
  }

  private static void unsupported(DiagnosticSink sink, Stage s, String what) {
    if (s != null) {
      sink.error(DiagnosticCode.NOT_GENERATABLE, s.info().span(),
          "the Java generator does not support " + what);
    }
  }
}
