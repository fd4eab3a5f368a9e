package org.akorn.examples.demo;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.akorn.examples.Sudoku4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A short version of the predictor soak: nothing a prediction creates stays open. */
class PredictorSoakTest {
  @TempDir Path dir;

  @Test
  void predictionsThroughOnePredictorLeaveNoArrayOpen() throws Exception {
    Path file = dir.resolve("s.ckpt");
    try (Sudoku4 model = Sudoku4.builder().ch(16).heads(4).T(2).build()) {
      model.saveCheckpoint(file);
    }
    List<String> lines = new ArrayList<>();

    PredictorSoak.Result r = PredictorSoak.run(file, 20, 2, null, 2, lines::add);

    assertThat(r.openArraysEnd()).isEqualTo(r.openArraysStart());
    assertThat(r.openArraysAfterClose()).isEqualTo(r.openArraysBefore());
    assertThat(lines).hasSize(10);
    assertThat(lines.get(9)).startsWith("Sudoku4: 20/20 predictions, rss ");
    assertThat(r.model()).isEqualTo("Sudoku4");
  }

  @Test
  void theCommandPrintsProgressAndOneJsonLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = DemoCli.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit = cli.execute("predict-soak", "--predictions", "10", "--steps", "1");

    assertThat(exit).isEqualTo(0);
    assertThat(err.toString().lines().count()).isEqualTo(10);
    assertThat(out.toString()).matches("\\{\"model\": \"Sudoku4\", \"predictions\": 10,"
        + " \"batch\": 1, \"votes\": 1, \"open_arrays_before\": (\\d+),"
        + " \"rss_mb_start\": \\d+\\.\\d, \"rss_mb_end\": \\d+\\.\\d,"
        + " \"open_arrays_start\": (\\d+), \"open_arrays_end\": \\2,"
        + " \"open_arrays_after_close\": \\1, \"seconds\": \\d+\\.\\d}\n");
  }
}
