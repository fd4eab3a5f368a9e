package org.akorn.spark;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HadoopFolders} and {@link CheckpointFiles} on the made-up scheme {@code akorntest:} of
 * {@link AkornTestFileSystem}, registered as {@code spark-submit} passes settings to a driver:
 * the system property {@code spark.hadoop.fs.akorntest.impl}.
 */
class HadoopFoldersTest {
  private static final String IMPL = "spark.hadoop.fs.akorntest.impl";

  @TempDir Path dir;

  @BeforeAll
  static void register() {
    System.setProperty(IMPL, AkornTestFileSystem.class.getName());
  }

  @AfterAll
  static void unregister() {
    System.clearProperty(IMPL);
  }

  private static String uri(Path folder) {
    return "akorntest://" + folder.toAbsolutePath();
  }

  /** A data folder of two files of random bytes and a subfolder. */
  private Path folder(String name) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Random random = new Random(7);
    byte[] images = new byte[70_000];
    random.nextBytes(images);
    Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), images);
    Files.writeString(folder.resolve("labels.csv"), "0\n2\n1\n");
    Files.createDirectories(folder.resolve("masks"));
    Files.writeString(folder.resolve("masks").resolve("0.png"), "not copied");
    return folder;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aRemoteFolderIsCopiedOncePerJvmFileForFile() throws Exception {
    Path source = folder("data");
    String uri = uri(source);
    assertThat(HadoopFolders.isRemote(uri)).isTrue();
    List<Path> copies = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Path>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(threads.submit(() -> {
          start.await();
          return HadoopFolders.local(uri);
        }));
      }
      start.countDown();
      for (Future<Path> call : calls) {
        copies.add(call.get());
      }
    } finally {
      threads.shutdown();
    }
    Path copy = copies.get(0);
    assertThat(copies).containsExactly(copy, copy, copy, copy);
    assertThat(copy.startsWith(source)).isFalse();
    assertThat(names(copy)).containsExactly("labels.csv", "t10k-images-idx3-ubyte.gz").inOrder();
    assertThat(names(copy.getParent())).containsExactly("folder");
    for (String name : names(copy)) {
      assertThat(Files.readAllBytes(copy.resolve(name)))
          .isEqualTo(Files.readAllBytes(source.resolve(name)));
    }
    // Copied once: a later change of the remote folder is not read again.
    byte[] before = Files.readAllBytes(copy.resolve("labels.csv"));
    Files.writeString(source.resolve("labels.csv"), "changed\n");
    assertThat(HadoopFolders.local(uri)).isEqualTo(copy);
    assertThat(Files.readAllBytes(copy.resolve("labels.csv"))).isEqualTo(before);
  }

  @Test
  void onSparkTheDriverReadsWithItsSessionsConfigurationAndExecutorsWithTheirSparkSettings()
      throws Exception {
    Path source = folder("data");
    SparkSession spark = SparkSession.builder().master("local[2]")
        .appName("akorn-hadoop-folders-test").config("spark.ui.enabled", "false")
        .config("spark.hadoop.fs.akornexecutor.impl", AkornTestFileSystem.class.getName())
        .getOrCreate();
    try {
      // Set on the running session's Hadoop configuration alone: what the driver reads with.
      spark.sparkContext().hadoopConfiguration().set("fs.akorndriver.impl",
          AkornTestFileSystem.class.getName());
      Path onDriver = HadoopFolders.local("akorndriver://" + source);
      assertThat(names(onDriver)).containsExactly("labels.csv", "t10k-images-idx3-ubyte.gz");

      // Read by tasks only: with the spark.hadoop.* settings of the executor's Spark configuration.
      String uri = "akornexecutor://" + source;
      List<String> onExecutors = spark.range(0, 4, 1, 4).javaRDD()
          .map(i -> HadoopFolders.local(uri).toString()).collect();
      assertThat(onExecutors).hasSize(4);
      assertThat(new HashSet<>(onExecutors)).hasSize(1);
      Path copy = Path.of(onExecutors.get(0));
      assertThat(copy).isNotEqualTo(onDriver);
      assertThat(names(copy)).containsExactly("labels.csv", "t10k-images-idx3-ubyte.gz");
      assertThat(Files.readAllBytes(copy.resolve("t10k-images-idx3-ubyte.gz")))
          .isEqualTo(Files.readAllBytes(source.resolve("t10k-images-idx3-ubyte.gz")));
    } finally {
      spark.stop();
    }
  }

  @Test
  void pathsAndFileUrisAreUsedInPlace() throws Exception {
    Path source = folder("data");
    assertThat(HadoopFolders.isRemote(source.toString())).isFalse();
    assertThat(HadoopFolders.isRemote(source.toUri().toString())).isFalse();
    assertThat(HadoopFolders.local(source.toString())).isEqualTo(source);
    assertThat(HadoopFolders.local(source.toUri().toString())).isEqualTo(source);
    // A path no URI could hold is a path too.
    assertThat(HadoopFolders.isRemote("data/set[1]")).isFalse();
    assertThat(HadoopFolders.local("data/set[1]")).isEqualTo(Path.of("data/set[1]"));
  }

  @Test
  void aMissingFolderIsOneLineAndIsCopiedOnceItExists() throws Exception {
    Path later = dir.resolve("later");
    IOException missing = assertThrows(IOException.class,
        () -> HadoopFolders.local(uri(later)));
    assertThat(missing).hasMessageThat().isEqualTo("no such folder");
    Files.createDirectories(later);
    Files.writeString(later.resolve("a.csv"), "1\n");
    Path copy = HadoopFolders.local(uri(later));
    assertThat(names(copy)).containsExactly("a.csv");

    IOException file = assertThrows(IOException.class,
        () -> HadoopFolders.local(uri(later.resolve("a.csv"))));
    assertThat(file).hasMessageThat().isEqualTo("not a folder");
    IOException scheme = assertThrows(IOException.class,
        () -> HadoopFolders.local("nosuch://host/data"));
    assertThat(scheme).hasMessageThat().isEqualTo("No FileSystem for scheme \"nosuch\"");
  }

  @Test
  void aRemoteCheckpointIsCopiedThroughTheSameFileSystems() throws Exception {
    Path checkpoint = dir.resolve("model.ckpt");
    byte[] bytes = new byte[5000];
    new Random(3).nextBytes(bytes);
    Files.write(checkpoint, bytes);
    Path copy = CheckpointFiles.local(uri(checkpoint));
    assertThat(copy).isNotEqualTo(checkpoint);
    assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
    IOException missing = assertThrows(IOException.class,
        () -> CheckpointFiles.local(uri(dir.resolve("none.ckpt"))));
    assertThat(missing).hasMessageThat().isEqualTo("no such file");
  }
}
