package org.akorn.dsl.model;

/** The normalisation in read-out blocks: BatchNorm (eps 1e-5, momentum 0.1), GroupNorm(8 groups), or none. */
public enum BlockNorm {
  BATCH, GROUP, NONE
}
