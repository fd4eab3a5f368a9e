package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.akorn.spark.AkornTestFileSystem;
import org.akorn.spark.HadoopFolders;
import org.akorn.spark.sweep.SweepRunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code akorn sweep} in Spark local mode: each point of the grid is a real {@code akorn train}
 * in its own JVM, and the summary ranks the runs by the validation accuracy their run folders
 * record; mistakes in any point are refused before training, naming the run.
 */
class SweepCommandTest {
  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  final StringWriter out = new StringWriter();

  int akorn(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  private Path model() throws Exception {
    return TinyBands.writeTask(dir);
  }

  private static Properties properties(Path file) throws Exception {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void trainsEveryPointInItsOwnFolderRanksThemAndResumesWhatIsNotComplete() throws Exception {
    Path model = model();
    Path sweep = dir.resolve("sweep");
    // The data as a URI of a file system other than file: (as hdfs: would be), which the
    // driver and each executor copy once; spark-submit passes the scheme's setting this way.
    String data = "akorntest://" + dir.resolve("data");
    String[] args = {"sweep", model.toString(), "--data", data,
        "-P", "ch=4,8", "--steps", "3", "--batch", "8", "--validation", "10",
        "--validate-every", "0", "--spark", "local[2]", "--jvm-option=-Xmx512m",
        "--out", sweep.toString()};
    System.setProperty("spark.hadoop.fs.akorntest.impl", AkornTestFileSystem.class.getName());
    try {
      sweepAndResume(model, sweep, args, data);
    } finally {
      System.clearProperty("spark.hadoop.fs.akorntest.impl");
    }
  }

  private void sweepAndResume(Path model, Path sweep, String[] args, String data)
      throws Exception {
    int code = akorn(args);
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(code).isEqualTo(0);

    List<String> folders = List.of("run-1-ch=4", "run-2-ch=8");
    for (String f : folders) {
      Path run = sweep.resolve(f);
      assertThat(Files.isRegularFile(run.resolve("model.ckpt"))).isTrue();
      Properties p = properties(run.resolve("run.properties"));
      assertThat(p.getProperty("override.ch")).isEqualTo(f.substring(f.indexOf('=') + 1));
      assertThat(p.getProperty("steps")).isEqualTo("3");
      assertThat(p.getProperty("seed")).isEqualTo("1");
      assertThat(p.getProperty("data")).isEqualTo(HadoopFolders.local(data).toString());
      String log = Files.readString(run.resolve("train.log"));
      assertThat(log).contains("trained Tiny: 3 steps");
      assertThat(log).contains(" -Xmx512m -cp ");
    }
    // Best first, by what each run folder recorded (ties in grid order).
    List<String> ranked = folders.stream().sorted(Comparator.comparing((String f) -> {
      try {
        return -Double.parseDouble(properties(sweep.resolve(f).resolve("run.properties"))
            .getProperty("validation.accuracy"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    })).toList();
    String md = Files.readString(sweep.resolve("summary.md"));
    assertThat(md).startsWith("# Sweep of Tiny (tiny.akorn) on " + data + "\n\n"
        + "2 runs: 2 complete, 0 incomplete.");
    assertThat(md.indexOf("| 1 | [" + ranked.get(0) + "](" + ranked.get(0) + "/) |"))
        .isGreaterThan(0);
    assertThat(md.indexOf("| 2 | [" + ranked.get(1) + "](" + ranked.get(1) + "/) |"))
        .isGreaterThan(0);
    assertThat(out.toString()).isEqualTo(md + "\nwrote " + sweep.resolve("summary.md") + "\n");
    assertThat(err.toString()).contains("sweeping Tiny: 2 runs on local[2], 1 attempt(s) each");
    // The runs trained the copy of the source in the sweep's folder.
    assertThat(Files.readString(sweep.resolve("source/tiny.akorn")))
        .isEqualTo(TinyBands.MODEL);
    assertThat(properties(sweep.resolve("run-1-ch=4/run.properties")).getProperty("source"))
        .isEqualTo(sweep.resolve("source/tiny.akorn").toString());

    assertThat(akorn("sweep", model.toString(), "--data", data,
        "-P", "ch=4", "--steps", "1", "--out", sweep.toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith("akorn: --out " + sweep + " is not empty; give a new"
        + " folder, or --resume to train its runs that are not complete\n");

    // The second run's task died: its state says running and its checkpoint is gone.
    Path second = sweep.resolve("run-2-ch=8");
    new SweepRunStatus(SweepRunStatus.State.RUNNING, 0, 1, "lost", -1, "", 0).writeTo(second);
    Files.delete(second.resolve("model.ckpt"));
    byte[] first = Files.readAllBytes(sweep.resolve("run-1-ch=4/model.ckpt"));
    Files.delete(sweep.resolve("summary.md"));

    String[] changed = args.clone();
    changed[5] = "ch=4,16";
    assertThat(akorn(concat(changed, "--resume"))).isEqualTo(1);
    assertThat(err.toString()).contains("akorn: --resume: the sweep in " + sweep + " was started"
        + " as akorn train " + sweep.resolve("source/tiny.akorn") + " --data ");
    assertThat(err.toString()).endsWith(" -P ch=4,8; give the same data, -P and training"
        + " options\n");

    // A resumed sweep trains the source it started with, whatever the file says now.
    Files.writeString(model, "model Broken {");
    err.getBuffer().setLength(0);
    assertThat(akorn(concat(args, "--resume"))).isEqualTo(0);
    assertThat(err.toString()).contains("sweeping Tiny: 1 run on local[2], 1 attempt(s) each,"
        + " into " + sweep + " (resumed: 1 of 2 runs were complete)\n");
    assertThat(err.toString()).contains("[1/1 runs, ");
    assertThat(Files.isRegularFile(second.resolve("model.ckpt"))).isTrue();
    assertThat(SweepRunStatus.readFrom(second).complete()).isTrue();
    assertThat(Files.readAllBytes(sweep.resolve("run-1-ch=4/model.ckpt"))).isEqualTo(first);
    assertThat(Files.readString(sweep.resolve("summary.md"))).contains("2 runs: 2 complete");

    assertThat(akorn("sweep", model.toString(), "--data", dir.resolve("data").toString(),
        "--resume", "--out", dir.resolve("data").toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith("akorn: --resume: " + dir.resolve("data")
        + " holds no sweep (no sweep.properties)\n");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aBadPointIsRefusedBeforeAnyTraining() throws Exception {
    Path model = model();
    Path sweep = dir.resolve("sweep");
    assertThat(akorn("sweep", model.toString(), "--data", dir.resolve("data").toString(),
        "-P", "ch=4,eight", "--steps", "1", "--out", sweep.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("(run run-2-ch=eight: ch=eight)\n");
    assertThat(Files.exists(sweep)).isFalse();
    assertThat(akorn("sweep", model.toString(), "--data", dir.resolve("data").toString(),
        "-P", "ch=4,4", "--out", sweep.toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith("akorn: -P ch=4,4: 4 is listed twice\n");
  }
}
