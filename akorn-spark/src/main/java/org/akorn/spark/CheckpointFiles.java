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
final class CheckpointFiles {
  private CheckpointFiles() {}

  static Path local(String checkpoint) throws IOException {
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
