package org.akorn.dsl.model;

/** Global pooling over all positions. */
public enum Pool {
  AVG, MAX
}
