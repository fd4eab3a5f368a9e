package org.akorn.spark.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * How many times Spark runs a task before it gives up on the job, as its scheduler decides:
 * {@code local} and {@code local[N]} once, {@code local[N,F]} and {@code local[*,F]} F times, any
 * other master {@code spark.task.maxFailures} times (default 4).
 */
public final class SparkAttempts {
  private static final Pattern LOCAL_WITH_FAILURES =
      Pattern.compile("local\\[\\s*(?:\\*|\\d+)\\s*,\\s*(\\d+)\\s*]");

  private SparkAttempts() {}

  public static int of(SparkConf conf) {
    String master = conf.get("spark.master", "local");
    Matcher m = LOCAL_WITH_FAILURES.matcher(master);
    if (m.matches()) {
      return Math.max(1, Integer.parseInt(m.group(1)));
    }
    if (master.equals("local") || master.startsWith("local[")) {
      return 1;
    }
    return Math.max(1, conf.getInt("spark.task.maxFailures", 4));
  }
}
