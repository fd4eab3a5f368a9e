package org.akorn.runtime.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.akorn.runtime.figures.LineChart;
import org.akorn.runtime.figures.ReliabilityDiagram;

/**
 * The robustness report: one markdown table, one row per model and one column per test
 * (accuracies as percentages, ECE as a fraction), and its figures: accuracy against the FGSM
 * budget for every model, and one reliability diagram per model.
 */
public final class RobustnessReport {
  private RobustnessReport() {}

  /** One model's results. */
  public record Row(String model, RobustnessSuite.Result result) {}

  /** The markdown table. */
  public static String table(RobustnessSuite.Settings settings, List<Row> rows) {
    List<String> columns = settings.columns();
    StringBuilder b = new StringBuilder("| model |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String c : columns) {
      b.append(' ').append(c).append(" |");
      rule.append("---:|");
    }
    b.append('\n').append(rule).append('\n');
    for (Row r : rows) {
      b.append("| ").append(r.model()).append(" |");
      for (String c : columns) {
        double v = r.result().values().get(c);
        // A column no image was tested for (e.g. --attack-examples 0) is not measured: a dash.
        b.append(' ').append(Double.isNaN(v) ? "-"
            : c.equals(RobustnessSuite.ECE)
                ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.1f %%", 100 * v)).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** What the numbers mean: subsets, randomness, attack settings. */
  public static String notes(RobustnessSuite.Settings s, RobustnessSuite.Result any) {
    return String.format(Locale.ROOT, """
        - clean and ECE: all %d test images; ECE over %d equal-width confidence bins.
        - noise, FGSM and PGD: the first %d test images, pixels on the [0, 1] scale, every \
        perturbed image clipped to [0, 1]. Noise: x + sigma * N(0, 1). FGSM: one signed-gradient \
        step of epsilon. PGD: L-infinity, %d steps of %d/255 projected onto the ball of %d/255, \
        starting at the clean image.
        - An AKOrN model starts from random oscillators: every forward pass, the attacks' own \
        included, draws fresh initial noise, so an attack differentiates through one random draw \
        and is scored on another. Gradients averaged over %d draw(s) per step (--eot).
        """, any.cleanExamples(), s.calibrationBins(), any.attackExamples(), s.pgdSteps(),
        s.pgdStepSize(), s.pgdEpsilon(), s.eotDraws());
  }

  /**
   * Writes {@code accuracy-vs-epsilon.png} and {@code reliability-<model>.png} per row into
   * {@code dir}.
   *
   * @return the files written
   */
  public static List<Path> writeFigures(Path dir, RobustnessSuite.Settings s, List<Row> rows)
      throws IOException {
    List<Path> written = new ArrayList<>();
    String[] labels = new String[s.fgsmEpsilons().length + 1];
    labels[0] = "0";
    for (int i = 0; i < s.fgsmEpsilons().length; i++) {
      labels[i + 1] = s.fgsmEpsilons()[i] + "/255";
    }
    LineChart chart = new LineChart("Accuracy under FGSM", "epsilon", "accuracy (%)")
        .optXLabels(labels)
        .optYRange(0, 100);
    for (Row r : rows) {
      double[] curve = r.result().fgsmCurve(s);
      for (int i = 0; i < curve.length; i++) {
        curve[i] *= 100;
      }
      chart.add(r.model(), curve);
    }
    Path curve = dir.resolve("accuracy-vs-epsilon.png");
    chart.writePng(curve);
    written.add(curve);
    for (Row r : rows) {
      Path f = dir.resolve("reliability-" + r.model() + ".png");
      ReliabilityDiagram.writePng(r.model(), r.result().calibration(), f);
      written.add(f);
    }
    return written;
  }
}
