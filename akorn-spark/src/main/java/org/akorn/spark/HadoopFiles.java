package org.akorn.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.Tuple2;

/**
 * What {@link CheckpointFiles} and {@link HadoopFolders} share: which names are read in place,
 * the Hadoop configuration of this JVM's Spark, and copying one file of a Hadoop file system.
 */
final class HadoopFiles {
  private static final String SPARK_HADOOP = "spark.hadoop.";
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");

  private HadoopFiles() {}

  static URI uri(String name) {
    return URI.create(name.replace(" ", "%20"));
  }

  /**
   * The scheme of a URI, or null for a bare path (any path, also one a URI could not hold, such
   * as {@code /data/set[1]}; a one-letter scheme is a Windows drive).
   */
  private static String scheme(String name) {
    Matcher m = SCHEME.matcher(name);
    return m.lookingAt() && m.group(1).length() > 1 ? m.group(1) : null;
  }

  /** Whether {@code name} is a URI of a Hadoop file system other than the local one. */
  static boolean isRemote(String name) {
    String scheme = scheme(name);
    return scheme != null && !scheme.equals("file");
  }

  /** The local path a bare path or a {@code file:} URI names, or null for any other scheme. */
  static Path inPlace(String name) {
    String scheme = scheme(name);
    if (scheme == null) {
      return Path.of(name);
    }
    return scheme.equals("file") ? Path.of(uri(name)) : null;
  }

  /**
   * The Hadoop configuration of this JVM's Spark, so that {@code spark.hadoop.*} settings (file
   * system classes, endpoints, credentials) apply: on a driver, its running session's; on an
   * executor, a new configuration with the {@code spark.hadoop.*} settings of its Spark
   * configuration; without Spark, those of the JVM's Spark system properties (as {@code
   * spark-submit} passes them to a driver before it starts its session).
   */
  static Configuration configuration() {
    if (TaskContext.get() == null) {
      Option<SparkSession> session = SparkSession.getActiveSession();
      if (session.isEmpty()) {
        session = SparkSession.getDefaultSession();
      }
      if (session.isDefined() && !session.get().sparkContext().isStopped()) {
        return session.get().sparkContext().hadoopConfiguration();
      }
    }
    SparkEnv env = SparkEnv.get();
    SparkConf spark = env != null ? env.conf() : new SparkConf();
    Configuration conf = new Configuration();
    for (Tuple2<String, String> setting : spark.getAllWithPrefix(SPARK_HADOOP)) {
      conf.set(setting._1(), setting._2());
    }
    return conf;
  }

  /** Copies {@code remote} of {@code fs} to the local file {@code copy}, replacing it. */
  static void copy(FileSystem fs, org.apache.hadoop.fs.Path remote, Path copy)
      throws IOException {
    InputStream in;
    try {
      in = fs.open(remote);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException("no such file");
    }
    try (in) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
