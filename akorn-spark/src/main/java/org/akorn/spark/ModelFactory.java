package org.akorn.spark;

import java.io.IOException;
import java.io.Serializable;
import org.akorn.runtime.AkornModel;

/**
 * How an executor builds a model for itself, for a model class that is not on the executors'
 * class path (compiled at run time from a checkpoint's source, for instance). Shipped to the
 * executors, so it holds only what names the model (paths every executor can read, settings),
 * never the model; every executor JVM calls {@link #newModel()} itself.
 */
public interface ModelFactory extends Serializable {

  /** Names the model: executors cache what they built under it. */
  String key();

  /** A new instance of the model, with its weights (the caller closes it). */
  AkornModel newModel() throws IOException;
}
