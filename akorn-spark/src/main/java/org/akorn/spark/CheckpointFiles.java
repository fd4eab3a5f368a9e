package org.akorn.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Turns a checkpoint's path or URI into a local file: a bare path or a {@code file:} URI is used
 * as it is; any other scheme ({@code hdfs:}, {@code s3a:}, ...) is read through Hadoop's file
 * systems, as Spark reads data, into a temporary file deleted when the JVM exits.
 */
public final class CheckpointFiles {
  private CheckpointFiles() {}

  /** Whether {@code checkpoint} names a file of a Hadoop file system other than the local one. */
  public static boolean isRemote(String checkpoint) {
    String scheme = URI.create(checkpoint.replace(" ", "%20")).getScheme();
    return scheme != null && scheme.length() > 1 && !scheme.equals("file");
  }

  /**
   * The checkpoint as a local file: itself, or for a remote URI a new temporary copy (each call
   * copies again; callers keep the path).
   */
  public static Path local(String checkpoint) throws IOException {
    URI uri = URI.create(checkpoint.replace(" ", "%20"));
    if (uri.getScheme() == null || uri.getScheme().length() == 1) {
      return Path.of(checkpoint);
    }
    if (uri.getScheme().equals("file")) {
      return Path.of(uri);
    }
    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
    Path copy = Files.createTempFile("akorn-", ".ckpt");
    copy.toFile().deleteOnExit();
    FileSystem fs = remote.getFileSystem(new Configuration());
    try (InputStream in = fs.open(remote)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }
}
