package org.akorn.sparkapp;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.akorn.cli.AkornCli;
import org.akorn.cli.TinyBands;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The shaded jar runs through Spark's own submit path: {@code org.apache.spark.deploy.SparkSubmit
 * --master local-cluster[1,2,1024] --class org.akorn.cli.AkornCli akorn-spark-app.jar score ...},
 * started in a new JVM whose class path is Spark's alone (the provided scope, as a distribution's
 * {@code jars/}), with its executor in a JVM of its own that compiles the model from the
 * checkpoint's source; it writes the rows and prints the accuracy of {@code akorn score} run in
 * process with {@code --spark local[2]}, value for value.
 */
class SparkSubmitTest {

  /**
   * Spark's local cluster: one worker whose executor is a JVM of its own (2 cores, 1 GB), which
   * fetches the application jar from the driver and compiles the model there.
   */
  private static final String MASTER = "local-cluster[1,2,1024]";

  @TempDir Path dir;

  @Test
  void scoreThroughSparkSubmitEqualsScoreInProcess() throws Exception {
    Path app = Path.of(System.getProperty("akorn.app.jar"));
    assertThat(Files.isRegularFile(app)).isTrue();
    Path model = TinyBands.writeTask(dir);
    Path data = dir.resolve("data");
    Path run = dir.resolve("run");
    assertThat(akorn("train", model.toString(), "--data", data.toString(), "--steps", "4",
        "--batch", "8", "--validation", "5", "--validate-every", "0", "--out", run.toString()))
        .isEqualTo(0);
    String checkpoint = run.resolve("model.ckpt").toString();
    String[] score = {"score", checkpoint, "--data", data.toString(), "--batch", "1", "--seed",
        "5"};

    Path inProcess = dir.resolve("in-process");
    String local = akornOut(concat(score, "--spark", "local[2]", "--out", inProcess.toString()));
    Path submitted = dir.resolve("submitted");
    Process submit = sparkSubmit(app, concat(score, "--out", submitted.toString()));
    if (!submit.waitFor(180, TimeUnit.SECONDS)) {
      submit.destroyForcibly();
      throw new AssertionError("spark-submit did not end within 180 s; see target/spark-submit.err");
    }
    String printed = Files.readString(app.resolveSibling("spark-submit.out"));
    String log = Files.readString(app.resolveSibling("spark-submit.err"));
    assertWithMessage(log.lines().filter(l -> !l.contains(" INFO ")).toList().toString())
        .that(submit.exitValue()).isEqualTo(0);
    assertThat(log).doesNotContain("Exception");
    // The rows were scored in the worker's executor JVM, which built the model itself.
    String executor;
    try (var apps = Files.list(dir.resolve("spark-home").resolve("work"))) {
      executor = Files.readString(apps.findFirst().orElseThrow().resolve("0").resolve("stderr"));
    }
    assertThat(executor).contains("Running task 0.0 in stage 0.0");
    assertThat(executor).doesNotContain("Exception");

    // "Tiny: scored 20 test examples on local[2] in 0:01 (15.2 per second), accuracy 35.00 %; wrote ..."
    String pattern = "Tiny: scored 20 test examples on %s in [0-9:]+ \\([0-9.]+ per"
        + " second\\), accuracy [0-9.]+ %%; wrote .*\\n";
    assertThat(local).matches(String.format(pattern, "local\\[2\\]"));
    assertThat(printed).matches(String.format(pattern, "local-cluster\\[1,2,1024\\]"));
    assertThat(accuracy(printed)).isEqualTo(accuracy(local));
    assertThat(printed).endsWith("; wrote " + submitted + "\n");

    SparkSession spark = SparkSession.builder().master("local[1]").appName("read scores")
        .config("spark.ui.enabled", "false").getOrCreate();
    try {
      List<Row> expected = rows(spark, inProcess);
      List<Row> actual = rows(spark, submitted);
      assertThat(expected).hasSize(20);
      assertThat(actual).hasSize(20);
      assertThat(List.of(spark.read().parquet(submitted.toString()).columns()))
          .containsExactly("id", "label", "logits", "prediction", "confidence").inOrder();
      for (int i = 0; i < expected.size(); i++) {
        Row e = expected.get(i);
        Row a = actual.get(i);
        assertThat(a.getLong(0)).isEqualTo(i);
        assertThat(a.getInt(1)).isEqualTo(e.getInt(1));
        assertThat(a.getList(2)).isEqualTo(e.getList(2));
        assertThat(a.getInt(3)).isEqualTo(e.getInt(3));
        assertThat(a.getFloat(4)).isEqualTo(e.getFloat(4));
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * {@code java <Spark's JDK options> -cp <Spark's class path> SparkSubmit --master MASTER
   * --class org.akorn.cli.AkornCli APP ARGS}, as the {@code spark-submit} script runs it; its
   * standard output and error go to {@code target/spark-submit.out} and {@code .err}.
   */
  private Process sparkSubmit(Path app, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("akorn.spark.java.options").trim().split("\\s+")));
    command.add("-Dai.djl.offline=true");
    command.add("-cp");
    command.add(Files.readString(Path.of(System.getProperty("akorn.spark.classpath"))).trim());
    command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", MASTER,
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.extraJavaOptions=-Dai.djl.offline=true",
        "--class", "org.akorn.cli.AkornCli", app.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(app.resolveSibling("spark-submit.out").toFile())
        .redirectError(app.resolveSibling("spark-submit.err").toFile());
    // local-cluster's worker starts executor JVMs with SPARK_HOME/jars as their class path.
    builder.environment().put("SPARK_HOME", sparkHome().toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    return builder.start();
  }

  /** A Spark home whose jars/ holds links to Spark's jars, as a distribution has them. */
  private Path sparkHome() throws Exception {
    Path jars = Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
    for (String jar : Files.readString(Path.of(System.getProperty("akorn.spark.classpath")))
        .trim().split(java.io.File.pathSeparator)) {
      Path target = Path.of(jar);
      Files.createSymbolicLink(jars.resolve(target.getFileName()), target);
    }
    return jars.getParent();
  }

  private static List<Row> rows(SparkSession spark, Path folder) {
    List<Row> rows = new ArrayList<>(spark.read().parquet(folder.toString()).collectAsList());
    rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
    return rows;
  }

  private static String accuracy(String line) {
    return line.substring(line.indexOf("accuracy "), line.indexOf(" %;"));
  }

  private int akorn(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int code = cli.execute(args);
    assertThat(err.toString()).doesNotContain("Exception");
    return code;
  }

  private String akornOut(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = AkornCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute(args)).isEqualTo(0);
    assertThat(err.toString()).doesNotContain("Exception");
    return out.toString();
  }


  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
