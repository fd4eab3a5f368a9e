package org.akorn.runtime.bench;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakTest {

  @Test
  void shortSoakKeepsTheOpenArrayCountFlatAndReportsProgress() {
    List<String> progress = new ArrayList<>();
    Soak.Result r = Soak.run("objects", 10, 1, progress::add);
    assertThat(r.model()).isEqualTo("objects");
    assertThat(r.steps()).isEqualTo(10);
    assertThat(r.batch()).isEqualTo(1);
    assertThat(r.openArraysEnd()).isEqualTo(r.openArraysStart());
    assertThat(r.rssMbStart()).isGreaterThan(0.0);
    assertThat(progress).hasSize(10);
    assertThat(progress.get(9)).startsWith("objects: soak 10/10 steps, rss ");
  }

  @Test
  void jsonLineHasTheSoakFields() {
    assertThat(new Soak.Result("sudoku", 1000, 16, 812.25, 815.0, 140, 140).toJson())
        .isEqualTo(
            "{\"model\": \"sudoku\", \"soak_steps\": 1000, \"batch\": 16, \"rss_mb_start\": 812.3,"
                + " \"rss_mb_end\": 815.0, \"open_arrays_start\": 140, \"open_arrays_end\": 140}");
  }

  @Test
  void tooFewStepsOrBadBatchAreRejected() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> Soak.run("sudoku", 9, 1, s -> {})))
        .hasMessageThat()
        .isEqualTo("soak needs at least 10 steps, got 9");
    assertThat(assertThrows(IllegalArgumentException.class, () -> Soak.run("sudoku", 10, 0, s -> {})))
        .hasMessageThat()
        .isEqualTo("batch must be at least 1, got 0");
  }

  @Test
  void residentMemoryIsReadFromProcStatus(@TempDir Path dir) throws IOException {
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  524288 kB\nThreads:\t30\n");
    assertThat(ProcessMemory.residentMegabytes(status)).isEqualTo(512.0);
    assertThat(ProcessMemory.residentMegabytes(dir.resolve("none"))).isNaN();
    assertThat(ProcessMemory.residentMegabytes()).isGreaterThan(0.0);
  }
}
