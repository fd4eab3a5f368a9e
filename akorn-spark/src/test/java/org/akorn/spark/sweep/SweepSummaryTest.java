package org.akorn.spark.sweep;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary read from run folders: complete runs by metric, best first; a run whose state still
 * says running (its task died), a failed one and one never started are incomplete and last.
 */
class SweepSummaryTest {
  @TempDir Path dir;

  private void complete(SweepConfiguration run, String metricKey, String value, String live)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve(run.folder()));
    new SweepRunStatus(SweepRunStatus.State.COMPLETE, 0, 2, "h1", 0, "", 12).writeTo(folder);
    Files.writeString(folder.resolve("run.properties"), metricKey + "=" + value + "\n"
        + metricKey + ".live=" + live + "\nsteps=40\ntrain.seconds=61.4\n");
  }

  @Test
  void completeRunsAreRankedAndIncompleteOnesListedWithWhatHappened() throws Exception {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("ch=8,16,32", "T=2,3"));
    complete(grid.get(0), "validation.accuracy", "0.5", "0.45");
    complete(grid.get(1), "validation.accuracy", "0.875", "0.86");
    complete(grid.get(2), "validation.accuracy", "0.5", "0.52");
    complete(grid.get(3), "validation.accuracy", "none", "none");
    SweepRunStatus.running(1, 2, "h2").writeTo(Files.createDirectories(
        dir.resolve(grid.get(4).folder())));
    // grid.get(5): never started, no folder.
    SweepSummary summary = SweepSummary.read(dir, "Sweep of Tiny", grid);

    assertThat(summary.incomplete()).isEqualTo(2);
    assertThat(summary.rows().stream().map(r -> r.run().index()).toList())
        .containsExactly(1, 0, 2, 3, 4, 5).inOrder();
    assertThat(summary.markdown()).isEqualTo("""
        # Sweep of Tiny

        6 runs: 4 complete, 2 incomplete. Sorted by validation accuracy (EMA weights), best\
         first; incomplete runs last.

        | rank | run | ch | T | validation accuracy (EMA) | live weights | steps | training time\
         | state |
        |---:|---|---:|---:|---:|---:|---:|---:|---|
        | 1 | [run-2-ch=8-T=3](run-2-ch=8-T=3/) | 8 | 3 | 87.50 % | 86.00 % | 40 | 1:01 |\
         complete |
        | 2 | [run-1-ch=8-T=2](run-1-ch=8-T=2/) | 8 | 2 | 50.00 % | 45.00 % | 40 | 1:01 |\
         complete |
        | 3 | [run-3-ch=16-T=2](run-3-ch=16-T=2/) | 16 | 2 | 50.00 % | 52.00 % | 40 | 1:01 |\
         complete |
        | 4 | [run-4-ch=16-T=3](run-4-ch=16-T=3/) | 16 | 3 | - | - | 40 | 1:01 | complete |
        | - | [run-5-ch=32-T=2](run-5-ch=32-T=2/) | 32 | 2 | - | - | - | - | incomplete:\
         attempt 2 of 2 on h2 never finished |
        | - | [run-6-ch=32-T=3](run-6-ch=32-T=3/) | 32 | 3 | - | - | - | - | incomplete:\
         never started |
        """);
    assertThat(summary.tsv().lines().toList()).containsExactly(
        "rank\tfolder\tch\tT\tvalidation.accuracy\tlive\tsteps\ttrain.seconds\tstate",
        "1\trun-2-ch=8-T=3\t8\t3\t0.875\t0.86\t40\t61.4\tcomplete",
        "2\trun-1-ch=8-T=2\t8\t2\t0.5\t0.45\t40\t61.4\tcomplete",
        "3\trun-3-ch=16-T=2\t16\t2\t0.5\t0.52\t40\t61.4\tcomplete",
        "4\trun-4-ch=16-T=3\t16\t3\t\t\t40\t61.4\tcomplete",
        "\trun-5-ch=32-T=2\t32\t2\t\t\t\t\tincomplete: attempt 2 of 2 on h2 never finished",
        "\trun-6-ch=32-T=3\t32\t3\t\t\t\t\tincomplete: never started").inOrder();

    summary.writeTo(dir);
    assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(summary.markdown());
    assertThat(Files.readString(dir.resolve("summary.tsv"))).isEqualTo(summary.tsv());
  }

  @Test
  void aFeaturesSweepIsRankedByFgAri() throws Exception {
    List<SweepConfiguration> grid = SweepGrid.expand(List.of("ch=8,16"));
    complete(grid.get(0), "validation.fgari", "0.61234", "0.6");
    complete(grid.get(1), "validation.fgari", "0.7", "0.71");
    String md = SweepSummary.read(dir, "S", grid).markdown();
    assertThat(md).contains("Sorted by validation FG-ARI (EMA weights)");
    assertThat(md).contains("| 1 | [run-2-ch=16](run-2-ch=16/) | 16 | 0.7000 | 0.7100 | 40 |");
    assertThat(md).contains("| 2 | [run-1-ch=8](run-1-ch=8/) | 8 | 0.6123 | 0.6000 | 40 |");
  }

  @Test
  void aFailedStateReadsBackAsWritten() throws Exception {
    SweepRunStatus failed = new SweepRunStatus(SweepRunStatus.State.FAILED, 1, 2, "h3", 4,
        "training exited with status 4 (see train.log)", 3.25);
    failed.writeTo(dir);
    SweepRunStatus read = SweepRunStatus.readFrom(dir);
    assertThat(read).isEqualTo(new SweepRunStatus(SweepRunStatus.State.FAILED, 1, 2, "h3", 4,
        "training exited with status 4 (see train.log)", 3.3));
    assertThat(read.describe()).isEqualTo("incomplete: attempt 2 of 2 failed on h3: training"
        + " exited with status 4 (see train.log)");
    assertThat(SweepRunStatus.readFrom(dir.resolve("none"))).isNull();
  }
}
