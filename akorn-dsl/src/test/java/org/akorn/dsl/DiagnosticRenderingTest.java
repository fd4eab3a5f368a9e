package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticRenderingTest {

  @Test
  void rendersTheSourceLineAndACaretUnderTheColumn() {
    String src = """
        model M {
          input c: stimulus[16, 6, 6];
          stem = identity(c);
          init = noise;
          layer { n = 3; channels = 16; steps = 1; connectivity = conv(kernel = 3); }
          output x = state;
        }
        """;

    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("m.akorn", src));

    assertThat(r.render())
        .isEqualTo(
            """
            m.akorn:5:29: error[E200]: channels 16 are not divisible by n = 3
                  layer { n = 3; channels = 16; steps = 1; connectivity = conv(kernel = 3); }
                                            ^""");
  }

  @Test
  void keepsModelsOutOfAResultWithErrors() {
    CompileResult r = AkornCompiler.check(CompileRequest.ofSource("m.akorn", "model M { }"));

    assertThat(r.hasErrors()).isTrue();
    assertThat(r.errorCount()).isEqualTo(1);
    assertThat(r.models()).isEmpty();
  }
}
