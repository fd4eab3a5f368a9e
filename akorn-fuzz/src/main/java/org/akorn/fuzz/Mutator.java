package org.akorn.fuzz;

import java.util.Random;

/** Changes a file's bytes; returns a new array (never changes {@code input}). */
@FunctionalInterface
public interface Mutator {
  byte[] mutate(byte[] input, Random random);
}
