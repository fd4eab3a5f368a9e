package org.akorn.dsl.model;

/**
 * How iterated attention starts: from its input c (the reference's Transformer and ItrSA), or with
 * the first iteration attending over c plus Gaussian noise (ItrSA++: a random initial state, so
 * runs can be voted on).
 */
public enum AttentionLatent {
  INPUT, NOISE
}
