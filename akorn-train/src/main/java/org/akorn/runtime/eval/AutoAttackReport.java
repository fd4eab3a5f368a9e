package org.akorn.runtime.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.akorn.runtime.figures.LineChart;

/**
 * The AutoAttack-grade part of a robustness report: one table row per model, threat model,
 * attack set and radius, every setting used, the gradient-masking checks, and the EOT curve.
 */
public final class AutoAttackReport {
  private AutoAttackReport() {}

  /** A radius as written: {@code 8/255} where it is a whole number of 255ths, else decimal. */
  public static String radius(double eps) {
    double k = eps * 255;
    if (Math.abs(k - Math.rint(k)) < 1e-6 && k >= 1) {
      return (long) Math.rint(k) + "/255";
    }
    return RobustnessSuite.trim(eps);
  }

  /**
   * Radii as {@code --epsilons} takes them: a comma list of decimals or fractions, e.g. {@code
   * 8/255,0.1}; each in (0, 1].
   */
  public static double[] parseRadii(String text) {
    String[] parts = text.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].trim();
      try {
        int slash = p.indexOf('/');
        out[i] = slash < 0 ? Double.parseDouble(p)
            : Double.parseDouble(p.substring(0, slash)) / Double.parseDouble(p.substring(slash + 1));
      } catch (NumberFormatException e) {
        out[i] = Double.NaN;
      }
      if (!(out[i] > 0 && out[i] <= 1)) {
        throw new IllegalArgumentException("--epsilons: '" + p + "' is not a radius in (0, 1]"
            + " (write e.g. 8/255 or 0.1)");
      }
    }
    return out;
  }

  /** The table, settings, checks and figure link as markdown. */
  public static String markdown(AutoAttackEvaluation.Settings s, List<AutoAttackEvaluation.Outcome>
      outcomes, String eotFigure) {
    StringBuilder b = new StringBuilder();
    b.append("| model | initial state | attacks | epsilon | clean | robust | robust after each"
        + " attack |\n|---|---|---|---:|---:|---:|---|\n");
    Set<String> attackLines = new LinkedHashSet<>();
    int examples = 0;
    for (AutoAttackEvaluation.Outcome o : outcomes) {
      examples = Math.max(examples, o.examples());
      for (AutoAttackEvaluation.Row r : o.rows()) {
        List<String> after = new ArrayList<>();
        for (int i = 0; i < r.result().attacks().size(); i++) {
          after.add(r.result().attacks().get(i) + " " + MaskingChecks.pct(
              (double) r.result().robustAfter()[i] / r.result().examples()));
        }
        b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.model(),
            r.threat(), r.set(), radius(r.epsilon()), MaskingChecks.pct(
                r.result().cleanAccuracy()), MaskingChecks.pct(r.result().accuracy()),
            String.join(", ", after)));
        attackLines.add(r.model() + ", " + r.threat() + ", " + r.set() + ": "
            + String.join("; ", r.attackSettings()));
      }
    }
    b.append('\n');
    b.append(String.format(Locale.ROOT, "- The first %d test images, pixels on the [0, 1] scale,"
        + " L-infinity radii. An image counts as robust only if it is classified right clean and"
        + " every attack of the set fails on it (AutoAttack's count); each attack runs on the"
        + " images still robust, and its result is scored by its own forward pass.%n", examples));
    if (s.budget().isPublished()) {
      b.append("- Budget: AutoAttack's published settings (" + s.budget().describe() + ").\n");
    } else {
      b.append("- Budget: REDUCED to " + s.budget().describe() + " (--budget); the published"
          + " settings are " + AttackBudget.published().describe() + ". A cheaper attack can"
          + " only overstate robust accuracy.\n");
    }
    for (String line : attackLines) {
      b.append("- ").append(line).append('\n');
    }
    b.append("- `autoattack-rand` is AutoAttack's version for randomized defenses (APGD-CE,"
        + " APGD-DLR, gradients averaged over EOT draws); `autoattack-standard` its standard"
        + " version without FAB-T (APGD-CE, APGD-T, Square).\n");
    b.append("- Initial state: \"random\" draws fresh oscillator noise at every forward pass,"
        + " unknown to the attacker, who averages gradients over EOT draws; \"fixed\" starts every"
        + " image from one Gaussian state drawn from a seed, known to the attacker and used for"
        + " scoring too, so the model is deterministic (EOT 1).\n");
    boolean any = false;
    for (AutoAttackEvaluation.Outcome o : outcomes) {
      for (AutoAttackEvaluation.CheckSet c : o.checks()) {
        if (!any) {
          b.append(String.format(Locale.ROOT, "%n### Gradient-masking checks (at %s)%n",
              radius(s.radii()[0])));
          any = true;
        }
        b.append("\n").append(c.model()).append(", ").append(c.threat()).append(":\n\n");
        for (MaskingChecks.Check check : c.checks()) {
          b.append(check.line()).append('\n');
        }
      }
    }
    if (eotFigure != null) {
      b.append("\n![APGD-CE success against EOT draws](").append(eotFigure).append(")\n");
    }
    return b.toString();
  }

  /**
   * Writes the APGD-CE success against the EOT draws of every randomized threat model to {@code
   * file}.
   *
   * @return whether there was a curve to draw
   */
  public static boolean writeEotCurve(Path file, List<AutoAttackEvaluation.Outcome> outcomes)
      throws IOException {
    String[] labels = new String[AutoAttackEvaluation.EOT_CURVE.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = "K = " + AutoAttackEvaluation.EOT_CURVE[i];
    }
    LineChart chart = new LineChart("APGD-CE success against EOT draws", "EOT draws",
        "attack success (%)").optXLabels(labels).optYRange(0, 100);
    boolean drawn = false;
    for (AutoAttackEvaluation.Outcome o : outcomes) {
      for (AutoAttackEvaluation.CheckSet c : o.checks()) {
        if (c.eotSuccess().length > 0) {
          double[] y = c.eotSuccess().clone();
          for (int i = 0; i < y.length; i++) {
            y[i] *= 100;
          }
          chart.add(c.model() + ", " + c.threat(), y);
          drawn = true;
        }
      }
    }
    if (drawn) {
      chart.writePng(file);
    }
    return drawn;
  }
}
