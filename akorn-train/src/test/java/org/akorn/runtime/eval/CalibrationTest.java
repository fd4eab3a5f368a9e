package org.akorn.runtime.eval;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void eceOverThreeBinsByHand() {
    // bins (0, 1/3]: {0.2 right} -> |1 - 0.2| * 1/5 = 0.16
    //      (1/3, 2/3]: {0.5 wrong} -> |0 - 0.5| * 1/5 = 0.10
    //      (2/3, 1]: {0.9 right, 0.8 wrong, 0.7 right} -> |2/3 - 0.8| * 3/5 = 0.08
    Calibration.Result r = Calibration.of(new double[] {0.9, 0.8, 0.7, 0.2, 0.5},
        new boolean[] {true, false, true, true, false}, 3);
    assertThat(r.ece()).isWithin(1e-12).of(0.34);
    assertThat(r.bins().get(2).count()).isEqualTo(3);
    assertThat(r.bins().get(2).accuracy()).isWithin(1e-12).of(2.0 / 3);
    assertThat(r.bins().get(2).confidence()).isWithin(1e-12).of(0.8);
  }

  @Test
  void eceOverFifteenBinsByHand() {
    // 1.0 and 0.99 fall in (14/15, 1]: |1 - 0.995| * 2/3; 0.5 in (7/15, 8/15]: |0 - 0.5| * 1/3
    Calibration.Result r = Calibration.of(new double[] {1.0, 0.99, 0.5},
        new boolean[] {true, true, false}, 15);
    assertThat(r.ece()).isWithin(1e-12).of(0.005 * 2 / 3 + 0.5 / 3);
    assertThat(r.bins().get(7).count()).isEqualTo(1);
    assertThat(r.bins().get(14).count()).isEqualTo(2);
    assertThat(r.bins()).hasSize(15);
  }

  @Test
  void perfectCalibrationHasZeroError() {
    Calibration.Result r = Calibration.of(new double[] {1, 1, 1}, new boolean[] {true, true, true},
        15);
    assertThat(r.ece()).isEqualTo(0.0);
  }

  @Test
  void rejectsMismatchedInputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Calibration.of(new double[] {0.5}, new boolean[0], 15));
    assertThat(e).hasMessageThat().isEqualTo(
        "need as many confidences as outcomes, at least one; got 1 and 0");
  }
}
