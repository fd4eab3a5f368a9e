package org.akorn.spark.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * What every task of a sweep needs: where the run folders go and how to start one training.
 * Each configuration trains in its own JVM, started by the task as {@code java -cp CLASSPATH
 * mainClass arguments... -P name=value... --out RUN_FOLDER}, with the executor's Java, its class
 * path and the code source of {@code mainClass} (the application jar on a cluster). A process per
 * run keeps runs of one executor apart: DJL's engine collects gradients for one training per JVM
 * at a time, and a run that crashes its JVM takes no other run with it.
 *
 * @param folder the sweep's folder, an absolute path every executor can write (a shared mount)
 * @param mainClass the class whose {@code main} trains, e.g. {@code org.akorn.cli.AkornCli}
 * @param arguments the arguments before the overrides, e.g. {@code train MODEL --data DIR
 *     --minutes 5}; a {@code --data} URI of Hadoop's file systems ({@code hdfs:}, {@code s3a:})
 *     is copied to each executor once and the training gets the local folder
 * @param jvmOptions extra options of the training JVMs
 * @param threadsPerTask PyTorch threads of each training ({@code OMP_NUM_THREADS})
 * @param attempts attempts per run: Spark's task attempts ({@link SparkAttempts}); a run's
 *     last attempt records its failure instead of failing the task, so one bad run never stops
 *     the others
 */
public record SweepPlan(String folder, String mainClass, List<String> arguments,
    List<String> jvmOptions, int threadsPerTask, int attempts) implements Serializable {
  public SweepPlan {
    arguments = List.copyOf(arguments);
    jvmOptions = List.copyOf(jvmOptions);
    if (threadsPerTask < 1 || attempts < 1) {
      throw new IllegalArgumentException("threadsPerTask and attempts must be at least 1");
    }
  }
}
