package org.akorn.dsl;

import java.util.ArrayList;
import java.util.List;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage;

/**
 * A Keras-style table of a model's stages: name, kind, output shape, trainable parameters and
 * MACs (per Kuramoto step for layers, per forward pass otherwise), then the totals.
 */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(ModelSpec model) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"stage", "kind", "output shape", "parameters", "MACs/step"});
    for (Stage s : model.stages()) {
      Row r = row(s);
      rows.add(new String[] {r.stage(), r.kind(), r.outputShape(), r.parameters(), r.macs()});
    }
    rows.add(new String[] {"total", "", "", String.format("%,d", model.trainableParameters()),
        String.format("%,d", model.macs())});
    int[] widths = new int[5];
    for (String[] r : rows) {
      for (int i = 0; i < 5; i++) {
        widths[i] = Math.max(widths[i], r[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("model ").append(model.qualifiedName()).append(" (").append(model.sourceFile()).append(")\n");
    for (int i = 0; i < rows.size(); i++) {
      if (i == 1 || i == rows.size() - 1) {
        out.append(rule(widths)).append('\n');
      }
      out.append(row(rows.get(i), widths)).append('\n');
    }
    return out.toString();
  }

  /** One stage's line of the table, as printed (numbers with thousands separators). */
  public record Row(String stage, String kind, String outputShape, String parameters, String macs) {}

  public static Row row(Stage s) {
    return new Row(s.info().name(), kind(s), s.info().output().toString(),
        String.format("%,d", s.info().trainableParameters()), String.format("%,d", s.info().macs()));
  }

  private static String row(String[] cells, int[] widths) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      boolean numeric = i >= 3;
      String cell = numeric ? pad(cells[i], widths[i], true) : pad(cells[i], widths[i], false);
      b.append(cell);
      if (i < cells.length - 1) {
        b.append("  ");
      }
    }
    return b.toString().stripTrailing();
  }

  private static String rule(int[] widths) {
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    return "-".repeat(total + 2 * (widths.length - 1));
  }

  private static String pad(String s, int width, boolean right) {
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  private static final java.util.Map<Class<?>, String> KINDS =
      java.util.Map.ofEntries(
          java.util.Map.entry(Stage.EmbeddingStem.class, "embedding"),
          java.util.Map.entry(Stage.PatchifyStem.class, "patchify"),
          java.util.Map.entry(Stage.ConvStem.class, "conv"),
          java.util.Map.entry(Stage.IdentityStem.class, "identity"),
          java.util.Map.entry(Stage.InitialState.class, "init"),
          java.util.Map.entry(Stage.KuramotoLayer.class, "kuramoto"),
          java.util.Map.entry(Stage.ReadoutConv.class, "readout"),
          java.util.Map.entry(Stage.FeedForward.class, "feedforward"),
          java.util.Map.entry(Stage.NormReluConv.class, "norm_relu_conv"),
          java.util.Map.entry(Stage.LayerNorm.class, "layer_norm"),
          java.util.Map.entry(Stage.SelfAttention.class, "self_attention"),
          java.util.Map.entry(Stage.GeluMlp.class, "gelu_mlp"),
          java.util.Map.entry(Stage.SinCosPosition.class, "sincos_position"),
          java.util.Map.entry(Stage.Transition.class, "transition"),
          java.util.Map.entry(Stage.NextState.class, "next_x"),
          java.util.Map.entry(Stage.PooledClassifier.class, "classifier"),
          java.util.Map.entry(Stage.CellClassifier.class, "cell_classifier"),
          java.util.Map.entry(Stage.PooledMlp.class, "mlp"));

  /** A short word for the stage's kind. */
  static String kind(Stage s) {
    if (s instanceof Stage.InitialState i) {
      return "init " + i.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return KINDS.get(s.getClass());
  }
}
