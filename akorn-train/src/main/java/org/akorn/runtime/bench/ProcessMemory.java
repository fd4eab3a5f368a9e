package org.akorn.runtime.bench;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory and the engine's open arrays, for soak runs and leak tests. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** Resident set size in MiB from {@code /proc/self/status}, or NaN where there is none. */
  public static double residentMegabytes() {
    return residentMegabytes(Path.of("/proc/self/status"));
  }

  static double residentMegabytes(Path status) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) / 1024.0; // kB
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** Native arrays open in the whole engine (every manager under the system manager). */
  public static int openArrays() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }
}
