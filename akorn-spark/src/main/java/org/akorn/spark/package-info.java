/**
 * AKOrN on Apache Spark: {@link org.akorn.spark.CheckpointScorer} scores a checkpoint over a
 * {@code Dataset<Row>}; each executor JVM loads the checkpoint once ({@link
 * org.akorn.spark.ExecutorModels}) and scores its partitions in batches (docs/spark.md).
 */
package org.akorn.spark;
