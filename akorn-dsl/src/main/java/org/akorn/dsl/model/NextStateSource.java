package org.akorn.dsl.model;

/** What x is before the next layer: the last state, fresh noise, or the read-out c. */
public enum NextStateSource {
  LAST_STATE, NOISE, READOUT
}
