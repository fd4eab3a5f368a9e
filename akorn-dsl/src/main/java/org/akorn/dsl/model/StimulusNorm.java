package org.akorn.dsl.model;

/** How a layer normalises its stimulus c once: GroupNorm(C/n groups, affine), per-channel scale and bias, or nothing. */
public enum StimulusNorm {
  GROUP, SCALE_BIAS, NONE
}
