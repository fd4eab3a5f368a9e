package org.akorn.dsl.model;

/**
 * The normalisation in front of an attention or MLP step: LayerNorm over the channels of every
 * position (eps 1e-5, learnable scale and bias), or none.
 */
public enum TokenNorm {
  LAYER, NONE
}
