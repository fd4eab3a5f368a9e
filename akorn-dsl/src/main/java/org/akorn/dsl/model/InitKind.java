package org.akorn.dsl.model;

/** How the first oscillator state is made. */
public enum InitKind {
  NOISE, CLAMPED_NOISE, LEARNED, GIVEN
}
