package org.akorn.runtime.train;

import org.akorn.runtime.bench.ProcessMemory;

/** Counts the native arrays open in the whole engine (all managers under the system manager). */
final class NativeArrays {
  private NativeArrays() {}

  static int open() {
    return ProcessMemory.openArrays();
  }
}
