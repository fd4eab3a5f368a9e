package org.akorn.dsl.model;

/** Natural frequency Omega: none (the reference's identity quirk), one 2-vector for the layer, or one per channel pair. */
public enum OmegaKind {
  NONE, GLOBAL, PER_PAIR
}
