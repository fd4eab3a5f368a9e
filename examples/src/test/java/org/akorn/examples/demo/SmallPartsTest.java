package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.akorn.runtime.figures.ColourProjection;
import org.akorn.runtime.train.ProgressBar;
import org.junit.jupiter.api.Test;

/** Progress bar, report table, frame choice and the colour projection. */
class SmallPartsTest {
  @Test
  void progressBarAndClock() {
    assertThat(ProgressBar.bar(0.5)).isEqualTo("[############------------]  50%");
    assertThat(ProgressBar.bar(1.7)).isEqualTo("[########################] 100%");
    assertThat(ProgressBar.clock(75.4)).isEqualTo("1:15");
    assertThat(ProgressBar.clock(300)).isEqualTo("5:00");
  }

  @Test
  void reportTable() {
    List<SudokuEvaluator.Outcome> outcomes = List.of(
        new SudokuEvaluator.Outcome(new SudokuEvaluator.Setting("trained T", 8),
            new BoardScore(200, 195, 1800, 1790), new double[0], 0.42),
        new SudokuEvaluator.Outcome(new SudokuEvaluator.Setting("energy voting (sum energy)", 32, 16,
                SudokuEvaluator.VoteEnergy.SUM),
            new BoardScore(200, 200, 1800, 1800), new double[0], 12.04));
    assertThat(DemoReport.table(outcomes)).isEqualTo(
        "| setting | T | K | board accuracy | blank-cell accuracy | time |\n"
            + "|---|---:|---:|---:|---:|---:|\n"
            + "| trained T | 8 | 1 | 97.50% (195/200) | 99.44% | 0.4 s |\n"
            + "| energy voting (sum energy) | 32 | 16 | 100.00% (200/200) | 100.00% | 12.0 s |\n");
  }

  @Test
  void framesAreSpreadEvenlyAndEndAtTheLastStep() {
    assertThat(DynamicsFigure.frameSteps(8)).asList().containsExactly(1, 2, 3, 4, 5, 6, 7, 8)
        .inOrder();
    assertThat(DynamicsFigure.frameSteps(32)).asList()
        .containsExactly(3, 5, 8, 11, 13, 16, 19, 21, 24, 27, 29, 32).inOrder();
  }

  @Test
  void principalComponentsOfADiagonalMatrixAreTheAxesByVariance() {
    double[][] m = {{1, 0, 0, 0}, {0, 9, 0, 0}, {0, 0, 4, 0}, {0, 0, 0, 0.5}};
    double[][] pcs = ColourProjection.topComponents(m, 3);
    assertThat(Math.abs(pcs[0][1])).isWithin(1e-9).of(1.0);
    assertThat(Math.abs(pcs[1][2])).isWithin(1e-9).of(1.0);
    assertThat(Math.abs(pcs[2][0])).isWithin(1e-9).of(1.0);
  }

  @Test
  void coloursSpanTheUnitCubeOverTheFigure() {
    float[][][] v = {
      {{0, 0, 0, 0}, {1, 2, 0, 0}},
      {{2, 0, 1, 0}, {0, 1, 3, 1}}
    };
    float[][][] rgb = ColourProjection.toRgb(v);
    for (int k = 0; k < 3; k++) {
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      for (float[][] frame : rgb) {
        for (float[] c : frame) {
          lo = Math.min(lo, c[k]);
          hi = Math.max(hi, c[k]);
        }
      }
      assertThat(lo).isEqualTo(0f);
      assertThat(hi).isEqualTo(1f);
    }
  }
}
