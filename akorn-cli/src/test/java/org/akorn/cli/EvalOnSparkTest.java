package org.akorn.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.akorn.spark.AkornTestFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code akorn eval --robustness --spark} prints the tables of the same evaluation on one machine,
 * cell for cell (the suite and the AutoAttack-grade rows), and writes the same report; {@code
 * akorn score} prints the accuracy of {@code akorn eval --batch 1}; both run on the master
 * spark-submit sets ({@code spark.master}) when {@code --spark} names none.
 */
class EvalOnSparkTest {

  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  final StringWriter out = new StringWriter();

  int akorn(String... args) {
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** Trains the tiny model for 4 steps on bands in {@code dir/data}; its checkpoint. */
  private String train() throws Exception {
    Path model = TinyBands.writeTask(dir);
    Path data = dir.resolve("data");
    Path run = dir.resolve("run");
    assertThat(akorn("train", model.toString(), "--data", data.toString(), "--steps", "4",
        "--batch", "8", "--validation", "5", "--validate-every", "0", "--out", run.toString()))
        .isEqualTo(0);
    return run.resolve("model.ckpt").toString();
  }

  @Test
  void scoreOnSparkSubmitsMasterGivesTheAccuracyOfEvalInBatchesOfOne() throws Exception {
    String checkpoint = train();
    String data = dir.resolve("data").toString();
    out.getBuffer().setLength(0);
    assertThat(akorn("eval", checkpoint, "--data", data, "--batch", "1", "--seed", "3",
        "--out", dir.resolve("eval").toString())).isEqualTo(0);
    String eval = out.toString().lines().findFirst().orElseThrow();
    assertThat(eval).matches("Tiny: accuracy [0-9.]+ % on 20 test examples");
    String accuracy = eval.substring("Tiny: accuracy ".length(), eval.indexOf(" % on"));

    out.getBuffer().setLength(0);
    Path scores = dir.resolve("scores");
    String target = scores.toUri().toString();
    // Without --spark, the master spark-submit sets (spark.master) is used.
    System.setProperty("spark.master", "local[2]");
    System.setProperty("spark.hadoop.fs.akorntest.impl", AkornTestFileSystem.class.getName());
    int code;
    try {
      // The checkpoint and --out as file: URIs, read and written through Spark's file systems;
      // --data as a URI of a scheme other than file: (AkornTestFileSystem's), copied once.
      code = akorn("score", Path.of(checkpoint).toUri().toString(), "--data",
          "akorntest://" + data, "--batch", "1", "--seed", "3", "--out", target);
    } finally {
      System.clearProperty("spark.master");
      System.clearProperty("spark.hadoop.fs.akorntest.impl");
    }
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).matches("Tiny: scored 20 test examples on local\\[2\\] in [0-9:]+ \\("
        + "[0-9.]+ per second\\), accuracy " + accuracy.replace(".", "\\.") + " %; wrote "
        + target.replace(".", "\\.") + "\\n");
    assertThat(Files.isRegularFile(scores.resolve("_SUCCESS"))).isTrue();

    // The same folder as a plain path, seen through Spark's file systems.
    assertThat(akorn("score", checkpoint, "--data", data, "--spark", "local[1]", "--out",
        scores.toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith("akorn: --out " + scores + " exists; give a new folder\n");
  }

  @Test
  void theRobustnessEvaluationOnSparkWritesTheSingleMachineReport() throws Exception {
    String checkpoint = train();
    Path data = dir.resolve("data");
    String[] eval = {"eval", checkpoint, "--data", data.toString(), "--robustness",
        "--attack-examples", "9", "--batch", "4", "--autoattack-examples", "6", "--budget",
        "iterations=2,eot=2,queries=5", "--epsilons", "8/255", "--seed", "3"};

    out.getBuffer().setLength(0);
    assertThat(akorn(concat(eval, "--out", dir.resolve("alone").toString()))).isEqualTo(0);
    String alone = out.toString().lines().filter(l -> l.startsWith("|")).toList().toString();
    out.getBuffer().setLength(0);
    // --spark without a master: spark-submit's (spark.master), here local[2].
    System.setProperty("spark.master", "local[2]");
    int code;
    try {
      code = akorn(concat(eval, "--out", dir.resolve("spark").toString(), "--spark"));
    } finally {
      System.clearProperty("spark.master");
    }
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(code).isEqualTo(0);
    String spark = out.toString().lines().filter(l -> l.startsWith("|")).toList().toString();

    assertThat(alone).contains("| Tiny | ");
    assertThat(alone).contains("| Tiny | random | autoattack-rand | 8/255 | ");
    assertThat(alone).contains("| Tiny | fixed (seed 0) | autoattack-standard | 8/255 | ");
    assertThat(spark).isEqualTo(alone);
    String report = withoutTime(dir.resolve("spark").resolve("report.md"));
    assertThat(report).contains("the first 9 test images");
    assertThat(report).contains("The first 6 test images");
    assertThat(report).contains("### Gradient-masking checks (at 8/255)");
    assertThat(report).contains("APGD-CE success");
    assertThat(report).isEqualTo(withoutTime(dir.resolve("alone").resolve("report.md")));
    assertThat(Files.readAllBytes(dir.resolve("spark").resolve("eot-curve.png")))
        .isEqualTo(Files.readAllBytes(dir.resolve("alone").resolve("eot-curve.png")));
  }

  @Test
  void theRobustnessEvaluationReadsUrisOfHadoopsFileSystemsWithAndWithoutSpark() throws Exception {
    String checkpoint = train();
    String data = dir.resolve("data").toString();
    String[] suite = {"--robustness", "--attack-examples", "9", "--batch", "4",
        "--autoattack-examples", "0", "--seed", "3"};
    out.getBuffer().setLength(0);
    assertThat(akorn(concat(concat(new String[] {"eval", checkpoint, "--data", data}, suite),
        "--out", dir.resolve("paths").toString()))).isEqualTo(0);
    String paths = out.toString().lines().filter(l -> l.startsWith("|")).toList().toString();
    assertThat(paths).contains("| Tiny | ");

    // The made-up scheme akorntest: is Hadoop's file system of AkornTestFileSystem, registered as
    // spark-submit passes settings to a driver: a spark.hadoop.* system property.
    String remoteCheckpoint = "akorntest://" + checkpoint;
    String remoteData = "akorntest://" + data;
    System.setProperty("spark.hadoop.fs.akorntest.impl", AkornTestFileSystem.class.getName());
    try {
      out.getBuffer().setLength(0);
      Path reports = dir.resolve("uris");
      int code = akorn(concat(concat(new String[] {"eval", remoteCheckpoint, "--data",
          remoteData}, suite), "--spark", "local[2]", "--out", reports.toString()));
      assertThat(err.toString()).doesNotContain("Exception");
      assertThat(code).isEqualTo(0);
      assertThat(out.toString().lines().filter(l -> l.startsWith("|")).toList().toString())
          .isEqualTo(paths);
      assertThat(Files.readString(reports.resolve("report.md"))).contains("Checkpoint `"
          + remoteCheckpoint + "`, test split of `" + remoteData + "` (20 examples).");

      // Without --spark, this JVM alone reads the URIs, and prints the same table.
      out.getBuffer().setLength(0);
      assertThat(akorn(concat(concat(new String[] {"eval", remoteCheckpoint, "--data",
          remoteData}, suite), "--out", dir.resolve("uris-alone").toString()))).isEqualTo(0);
      assertThat(out.toString().lines().filter(l -> l.startsWith("|")).toList().toString())
          .isEqualTo(paths);
      err.getBuffer().setLength(0);
      assertThat(akorn(concat(concat(new String[] {"eval", remoteCheckpoint, "--data", data},
          suite), "--spark", "local[2]"))).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: --out is needed: the checkpoint "
          + remoteCheckpoint + " is a URI\n");
      err.getBuffer().setLength(0);
      String missing = "akorntest://" + dir.resolve("none");
      assertThat(akorn(concat(concat(new String[] {"eval", checkpoint, "--data", missing},
          suite), "--spark", "local[2]"))).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: cannot read --data " + missing
          + ": no such folder\n");
      err.getBuffer().setLength(0);
      assertThat(akorn(concat(concat(new String[] {"eval", checkpoint, "--data",
          "nosuch://host/data"}, suite), "--spark", "local[2]"))).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("akorn: cannot read --data nosuch://host/data:"
          + " No FileSystem for scheme \"nosuch\"\n");
    } finally {
      System.clearProperty("spark.hadoop.fs.akorntest.impl");
    }
  }

  /** The report without its "Evaluation time" line. */
  private static String withoutTime(Path report) throws Exception {
    return Files.readString(report).lines().filter(l -> !l.startsWith("Evaluation time: "))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  @Test
  void sparkWithoutRobustnessIsOneClearLine() {
    int code = akorn("eval", dir.resolve("none.ckpt").toString(), "--data", dir.toString(),
        "--attacks", "apgd-ce", "--spark", "local[2]");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("akorn: --spark distributes the --robustness evaluation;"
        + " add --robustness\n");
  }

  @Test
  void aCheckpointOnAFileSystemSparkDoesNotKnowIsOneClearLine() {
    int code = akorn("score", "nosuch://host/model.ckpt", "--data", dir.toString(), "--out",
        dir.resolve("scores").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("akorn: cannot read checkpoint nosuch://host/model.ckpt:"
        + " No FileSystem for scheme \"nosuch\"\n");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
