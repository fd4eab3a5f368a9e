package org.akorn.spark.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a training's output into its log, less the notices PyTorch's natives print where Java
 * cannot filter them (as {@code bin/akorn} does for its own output): the deprecation warning
 * {@code AutoNonVariableTypeMode is deprecated}, and every {@code Could not initialize NNPACK}
 * after the first, which some CPUs print once per convolution. A notice is cut from its {@code [W}
 * to the end of its line; what came before it on the line stays. Everything else passes through
 * unchanged, a line at a time.
 */
final class NativeNotices {
  static final String DEPRECATION = "AutoNonVariableTypeMode is deprecated";
  static final String NNPACK = "Could not initialize NNPACK";

  private boolean nnpackSeen;

  /** Copies {@code in} to {@code out} until {@code in} ends. */
  void copy(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        out.write(filter(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        line.reset();
      }
    }
    if (line.size() > 0) {
      out.write(filter(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** One line (with its end) as it goes into the log. */
  String filter(String line) {
    int at = line.indexOf(DEPRECATION);
    if (at >= 0) {
      return cut(line, at);
    }
    at = line.indexOf(NNPACK);
    if (at >= 0) {
      if (nnpackSeen) {
        return cut(line, at);
      }
      nnpackSeen = true;
    }
    return line;
  }

  /** The line up to the {@code [W} that starts the notice at {@code at} (or up to {@code at}). */
  private static String cut(String line, int at) {
    int w = line.lastIndexOf("[W", at);
    String kept = line.substring(0, w < 0 ? at : w);
    return kept.isEmpty() ? "" : kept + (kept.endsWith("\n") ? "" : "\n");
  }
}
