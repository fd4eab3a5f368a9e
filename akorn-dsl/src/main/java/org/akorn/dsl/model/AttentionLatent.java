package org.akorn.dsl.model;

/**
 * Where iterated attention starts: from its input c (the reference's Transformer and ItrSA), or
 * from Gaussian noise with c injected at every step (ItrSA++: a random initial state, so runs can
 * be voted on).
 */
public enum AttentionLatent {
  INPUT, NOISE
}
