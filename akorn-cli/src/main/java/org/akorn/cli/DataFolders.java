package org.akorn.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.akorn.spark.HadoopFolders;

/**
 * The {@code --data} folder of {@code akorn score} and {@code akorn eval --spark} as a local
 * folder: a path in place, a URI of Hadoop's file systems ({@code hdfs:}, {@code s3a:}, ...) as
 * this JVM's copy of its plain files ({@link HadoopFolders}).
 */
final class DataFolders {
  private DataFolders() {}

  static Path local(String data) {
    try {
      return HadoopFolders.local(data);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException("cannot read --data " + data + ": " + e.getMessage());
    }
  }
}
