package org.akorn.dsl;

import java.util.List;

/** Compiles one in-memory file named m.akorn and returns its diagnostics' headlines. */
final class Diagnose {
  private Diagnose() {}

  static List<String> headlines(String source) {
    return AkornCompiler.check(CompileRequest.ofSource("m.akorn", source)).headlines();
  }

  /** A clean conv-layer model; {@code layerBody} replaces the layer's properties. */
  static String convModel(String layerBody) {
    return """
        model M {
          input c: stimulus[16, 6, 6];
          stem = identity(c);
          init = noise;
          layer {
        %s
          }
          output xs = states;
        }
        """.formatted(layerBody);
  }
}
