package org.akorn.spark;

import java.io.IOException;
import org.akorn.runtime.data.Dataset;

/**
 * What every executor of a distributed evaluation builds for itself: the model (one per task
 * thread) and the test split (one per JVM). Shipped to the executors, so it holds only what names
 * them (paths every executor can read, settings), never the model or the data.
 */
public interface EvaluationInputs extends ModelFactory {

  /** Names the model and data: executors cache what they built under it. */
  @Override
  String key();

  /** The test split: one input column and labels. */
  Dataset testSplit() throws IOException;
}
