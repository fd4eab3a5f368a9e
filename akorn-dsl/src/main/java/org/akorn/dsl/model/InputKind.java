package org.akorn.dsl.model;

/** What an input holds: a float image [C, H, W] in [0, 1], an integer grid with a value range, a boolean mask, a raw stimulus c, or a raw oscillator state x. */
public enum InputKind {
  FLOAT_IMAGE, INT_GRID, BOOL_MASK, RAW_STIMULUS, RAW_STATE
}
