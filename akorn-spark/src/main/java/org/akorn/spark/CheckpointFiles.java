package org.akorn.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;

/**
 * Turns a checkpoint's path or URI into a local file: a bare path or a {@code file:} URI is used
 * as it is; any other scheme ({@code hdfs:}, {@code s3a:}, ...) is read through Hadoop's file
 * systems, with the Hadoop configuration of this JVM's Spark (its {@code spark.hadoop.*}
 * settings apply), into a temporary file deleted when the JVM exits. {@link HadoopFolders} does
 * the same for a folder.
 */
public final class CheckpointFiles {
  private CheckpointFiles() {}

  /** Whether {@code checkpoint} names a file of a Hadoop file system other than the local one. */
  public static boolean isRemote(String checkpoint) {
    return HadoopFiles.isRemote(checkpoint);
  }

  /**
   * The checkpoint as a local file: itself, or for a remote URI a new temporary copy (each call
   * copies again; callers keep the path).
   *
   * @throws IOException when it cannot be read; the message does not repeat its name ({@code no
   *     such file}, {@code No FileSystem for scheme "nosuch"})
   */
  public static Path local(String checkpoint) throws IOException {
    Path inPlace = HadoopFiles.inPlace(checkpoint);
    if (inPlace != null) {
      return inPlace;
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(HadoopFiles.uri(checkpoint));
    FileSystem fs = remote.getFileSystem(HadoopFiles.configuration());
    Path copy = Files.createTempFile("akorn-", ".ckpt");
    copy.toFile().deleteOnExit();
    try {
      HadoopFiles.copy(fs, remote, copy);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return copy;
  }
}
