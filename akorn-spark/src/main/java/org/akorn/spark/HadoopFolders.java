package org.akorn.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Turns a folder's path or URI into a local folder, as every Spark executor of a job needs the
 * data folder of {@code akorn train} and {@code akorn eval} (IDX {@code .gz} files, CIFAR {@code
 * .bin}, {@code .npz}, {@code .csv}: plain files, no subfolders).
 *
 * <ul>
 *   <li>A bare path or a {@code file:} URI is used in place (on a cluster: a shared mount).
 *   <li>Any other scheme ({@code hdfs:}, {@code s3a:}, ...) is read through Hadoop's file
 *       systems, with the Hadoop configuration of this JVM's Spark: the running session's on a
 *       driver, the {@code spark.hadoop.*} settings of the executor's Spark configuration on an
 *       executor, those of the JVM's {@code spark.*} system properties without Spark. The
 *       folder's plain files (not its subfolders) are copied into a new temporary folder, deleted
 *       when the JVM exits.
 *   <li>A URI is copied once per JVM: every later call, from any thread, returns the same
 *       folder. The files are copied into a temporary folder renamed when every file is there, so
 *       a partial copy is never returned; a failed copy is deleted and not remembered, so a
 *       later call (a retried task) copies again. A change to the remote folder after the copy
 *       is not seen by this JVM.
 * </ul>
 *
 * <p>{@link CheckpointFiles} does the same for one file.
 */
public final class HadoopFolders {
  private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  private HadoopFolders() {}

  /** Whether {@code folder} names a folder of a Hadoop file system other than the local one. */
  public static boolean isRemote(String folder) {
    return HadoopFiles.isRemote(folder);
  }

  /**
   * The folder as a local folder: itself for a bare path or {@code file:} URI (not checked), else
   * this JVM's copy of its plain files.
   *
   * @throws IOException when a remote folder cannot be read; the message does not repeat its
   *     name ({@code no such folder}, {@code not a folder}, {@code No FileSystem for scheme
   *     "nosuch"})
   */
  public static Path local(String folder) throws IOException {
    Path inPlace = HadoopFiles.inPlace(folder);
    if (inPlace != null) {
      return inPlace;
    }
    Path copy = COPIES.get(folder);
    if (copy != null) {
      return copy;
    }
    synchronized (LOCKS.computeIfAbsent(folder, f -> new Object())) {
      copy = COPIES.get(folder);
      if (copy == null) {
        copy = copy(folder);
        COPIES.put(folder, copy);
      }
      return copy;
    }
  }

  /** A new local copy of the plain files of a remote folder. */
  private static Path copy(String folder) throws IOException {
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(HadoopFiles.uri(folder));
    FileSystem fs = remote.getFileSystem(HadoopFiles.configuration());
    FileStatus status;
    try {
      status = fs.getFileStatus(remote);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("no such folder");
    }
    if (!status.isDirectory()) {
      throw new IOException("not a folder");
    }
    Path parent = Files.createTempDirectory("akorn-folder-");
    try {
      Path partial = Files.createDirectory(parent.resolve("partial"));
      List<String> names = new ArrayList<>();
      for (FileStatus file : fs.listStatus(remote)) {
        if (file.isFile()) {
          String name = file.getPath().getName();
          HadoopFiles.copy(fs, file.getPath(), partial.resolve(name));
          names.add(name);
        }
      }
      Path done = Files.move(partial, parent.resolve("folder"), StandardCopyOption.ATOMIC_MOVE);
      // Deleted at exit in the reverse order: the files, then the folders.
      parent.toFile().deleteOnExit();
      done.toFile().deleteOnExit();
      names.forEach(name -> done.resolve(name).toFile().deleteOnExit());
      return done;
    } catch (IOException | RuntimeException e) {
      deleteTree(parent);
      throw e;
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Left for the system's temporary-file cleaning; the copy's own failure is reported.
    }
  }
}
