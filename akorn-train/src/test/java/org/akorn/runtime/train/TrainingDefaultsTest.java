package org.akorn.runtime.train;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The values of the reference's training scripts, as read there. */
class TrainingDefaultsTest {

  @Test
  void valuesOfTheReferenceScripts() {
    assertThat(TrainingDefaults.CLASSIFIER.learningRate()).isEqualTo(1e-3f);
    assertThat(TrainingDefaults.CLASSIFIER.ema()).isEqualTo(EmaSettings.of(0.99, 200, 10));
    assertThat(TrainingDefaults.CELL_CLASSIFIER.learningRate()).isEqualTo(1e-3f);
    assertThat(TrainingDefaults.CELL_CLASSIFIER.ema()).isEqualTo(EmaSettings.of(0.995, 100, 10));
    assertThat(TrainingDefaults.FEATURES.learningRate()).isEqualTo(1e-3f);
    assertThat(TrainingDefaults.FEATURES.ema()).isEqualTo(EmaSettings.of(0.998, 200, 10));
    assertThat(TrainingDefaults.FEATURES.ema().power()).isEqualTo(2.0 / 3);
    assertThat(TrainingDefaults.FEATURES.ema().invGamma()).isEqualTo(1.0);
    assertThat(TrainingDefaults.CELL_CLASSIFIER.describe()).isEqualTo("cell_classifier head:"
        + " lr 0.001, EMA beta 0.995, update_after_step 100, update_every 10 (train_sudoku.py)");
    assertThat(TrainingDefaults.table()).asList().containsExactly(
        "head             lr      EMA beta  after  every  from",
        "classifier       0.001   0.99      200    10     train_classification.py",
        "cell_classifier  0.001   0.995     100    10     train_sudoku.py",
        "mlp              0.001   0.998     200    10     train_obj.py").inOrder();
  }
}
