package org.akorn.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command: the master {@code --spark MASTER} names; with {@code --spark}
 * given no master (or, for {@code akorn score} and {@code akorn sweep}, not given), the master
 * {@code spark-submit} set ({@code spark.master} in the JVM's Spark configuration), else the
 * command's local default.
 */
final class SparkSessions {
  private SparkSessions() {}

  /**
   * A new session.
   *
   * @param master the master, or null or empty for spark-submit's, else {@code fallback}
   * @param fallback the master without one from the command line or spark-submit
   */
  static SparkSession start(String master, String fallback, String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    String chosen = master;
    if (chosen == null || chosen.isEmpty()) {
      chosen = conf.contains("spark.master") ? null : fallback;
    }
    if (chosen != null) {
      builder.master(chosen);
    }
    String effective = chosen != null ? chosen : conf.get("spark.master");
    if (effective.startsWith("local") && !conf.contains("spark.ui.enabled")) {
      builder.config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }
}
