package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.akorn.examples.sudoku.Puzzle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSettingsTest {
  @TempDir Path dir;

  private static DataSettings generated(long seed) {
    return new DataSettings(4, 4, 10, seed, 300, 100, null, null);
  }

  @Test
  void heldOutPuzzlesAreDistinctDeterministicAndNeverTrainedOn() throws Exception {
    DataSettings d = generated(7);
    List<Puzzle> test = d.test();
    List<Puzzle> validation = d.validation(test);
    assertThat(test).hasSize(300);
    assertThat(validation).hasSize(100);
    assertThat(d.test()).isEqualTo(test);
    Set<String> heldOut = DataSettings.keys(test);
    assertThat(heldOut).hasSize(300);
    for (Puzzle p : validation) {
      assertThat(heldOut.add(PuzzleSource.key(p))).isTrue();
    }
    List<Puzzle> all = new java.util.ArrayList<>(test);
    all.addAll(validation);
    PuzzleSource training = d.training(all);
    for (int i = 0; i < 50; i++) {
      for (Puzzle p : training.next(64)) {
        assertThat(heldOut).doesNotContain(PuzzleSource.key(p));
        assertThat(p.clueCount()).isIn(com.google.common.collect.Range.closed(4, 10));
      }
    }
  }

  @Test
  void defaultCluesPerSize() {
    assertThat(DataSettings.defaultClues(4)).asList().containsExactly(4, 10).inOrder();
    assertThat(DataSettings.defaultClues(9)).asList().containsExactly(31, 42).inOrder();
  }

  @Test
  void csvTrainingSkipsHeldOutPuzzlesAndCyclesThroughTheRest() throws Exception {
    Path csv = dir.resolve("train.csv");
    Files.writeString(csv, "quizzes,solutions\n"
        + "1200340000000000,1234341221434321\n"
        + "0204300000000000,1234341221434321\n"
        + "1004300000000001,1234341221434321\n");
    Path test = dir.resolve("test.csv");
    Files.writeString(test, "0204300000000000,1234341221434321\n");
    DataSettings d = new DataSettings(4, 4, 10, 3, 10, 0, csv, test);
    List<Puzzle> heldOut = d.test();
    assertThat(heldOut).hasSize(1);
    PuzzleSource source = d.training(heldOut);
    Set<String> seen = new HashSet<>();
    for (Puzzle p : source.next(6)) {
      seen.add(PuzzleSource.key(p));
    }
    assertThat(seen).containsExactly("1200340000000000", "1004300000000001");
  }
}
