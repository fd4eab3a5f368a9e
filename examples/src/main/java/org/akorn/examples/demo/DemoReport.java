package org.akorn.examples.demo;

import java.util.List;
import java.util.Locale;

/** The evaluation table the demo prints and writes to {@code report.md}. */
public final class DemoReport {
  private DemoReport() {}

  /** {@code 97.50%}, or {@code -} for NaN. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  /**
   * A Markdown table, one row per setting: label, T, K, board accuracy (solved/total), blank-cell
   * accuracy, time.
   */
  public static String table(List<SudokuEvaluator.Outcome> outcomes) {
    StringBuilder sb = new StringBuilder();
    sb.append("| setting | T | K | board accuracy | blank-cell accuracy | time |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (SudokuEvaluator.Outcome o : outcomes) {
      BoardScore s = o.score();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s (%d/%d) | %s | %.1f s |%n",
          o.setting().label(), o.setting().steps(), o.setting().samples(),
          percent(s.boardAccuracy()), s.boardsCorrect(), s.boards(),
          percent(s.blankAccuracy()), o.seconds()));
    }
    return sb.toString();
  }
}
