package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;
import static org.akorn.dsl.Diagnose.headlines;

import org.junit.jupiter.api.Test;

/** Syntax, names, types and expressions. */
class NameAndTypeDiagnosticsTest {

  @Test
  void reportsEverySyntaxErrorWithItsPosition() {
    String src = """
        model M {
          param ch: int = ;
          input c stimulus[4, 2, 2];
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:2:19: error[E001]: mismatched input ';' expecting {'[', '-', '(', INT, FLOAT, STRING, ID}",
            "m.akorn:3:11: error[E001]: missing ':' at 'stimulus'")
        .inOrder();
  }

  @Test
  void reportsUnknownCharacters() {
    assertThat(headlines("model M { param a: int = 3 $ 4; }"))
        .containsExactly("m.akorn:1:28: error[E001]: unexpected character '$'");
  }

  @Test
  void rejectsUnknownNames() {
    String src = """
        model M {
          param ch: int = width * 2;
          input c0: stimulus[4, 2, 2]; stem = identity(c0); output x = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly("m.akorn:2:19: error[E100]: unknown name 'width'");
  }

  @Test
  void rejectsDuplicateNames() {
    String src = """
        model M {
          param ch: int = 4;
          input ch: stimulus[4, 2, 2];
          input c0: stimulus[4, 2, 2]; stem = identity(c0); output x = stimulus;
        }
        model M {
          output y = state;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:3:3: error[E101]: 'ch' is already defined",
            "m.akorn:6:7: error[E101]: model 'M' is already defined")
        .inOrder();
  }

  @Test
  void rejectsUnknownStatements() {
    String src = """
        model M {
          input c: stimulus[4, 2, 2];
          stem = identity(c);
          lyer { n = 2; }
          output s = stimulus;
        }
        """;
    assertThat(headlines(src)).containsExactly(
        "m.akorn:4:3: error[E106]: unknown statement 'lyer'; expected one of: param, input, stem, init, layer, "
            + "readout, features, transition, next_x, head, output, repeat, if, use");
  }

  @Test
  void rejectsParameterDefaultsOfTheWrongType() {
    String src = """
        model M {
          param ch: int = 2.5;
          param ok: bool = 1;
          param t: tensor = 1;
          input c0: stimulus[4, 2, 2]; stem = identity(c0); output s = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:2:19: error[E105]: parameter 'ch' is declared an int, but its default is a number",
            "m.akorn:3:20: error[E105]: parameter 'ok' is declared a bool, but its default is an integer",
            "m.akorn:4:12: error[E100]: unknown parameter type 'tensor'; expected int, float, bool or int[]")
        .inOrder();
  }

  @Test
  void rejectsIntegerOverflowInExpressions() {
    String src = """
        model M {
          param big: int = 65536 * 65536;
          param pow: int = 2 ^ 40;
          param lit: int = 99999999999;
          input c0: stimulus[4, 2, 2]; stem = identity(c0); output s = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:2:26: error[E108]: integer overflow: 65536 * 65536 does not fit in 32 bits",
            "m.akorn:3:22: error[E108]: integer overflow: 2 ^ 40 does not fit in 32 bits",
            "m.akorn:4:20: error[E108]: integer 99999999999 does not fit in 32 bits")
        .inOrder();
  }

  @Test
  void rejectsDivisionByZero() {
    assertThat(headlines("model M { param a: int = 4 / (2 - 2); input c0: stimulus[4, 2, 2]; stem = identity(c0); output s = stimulus; }"))
        .containsExactly("m.akorn:1:28: error[E109]: division by zero");
  }

  @Test
  void rejectsIndexOutOfRange() {
    String src = """
        model M {
          param ks: int[] = [9, 7, 5];
          param k: int = ks[3];
          input c0: stimulus[4, 2, 2]; stem = identity(c0); output s = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly("m.akorn:3:21: error[E110]: index 3 is out of range for a list of 3");
  }

  @Test
  void rejectsRepeatCountsOutOfRange() {
    String src = """
        model M {
          repeat 0 as i { }
          repeat 5000 as j { }
          input c0: stimulus[4, 2, 2]; stem = identity(c0); output s = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly(
            "m.akorn:2:10: error[E112]: a repeat count must be between 1 and 1000, but is 0",
            "m.akorn:3:10: error[E115]: a repeat count must be between 1 and 1000, but is 5000")
        .inOrder();
  }

  @Test
  void rejectsAModelWithoutOutputs() {
    assertThat(headlines("model Empty { }"))
        .containsExactly("m.akorn:1:7: error[E211]: model Empty has no outputs; add e.g. 'output logits;'");
  }

  @Test
  void rejectsOutputsOfUnknownHeads() {
    assertThat(headlines("model M { output logits; }"))
        .containsExactly(
            "m.akorn:1:11: error[E100]: unknown head 'logits'; write output NAME = SOURCE; for other outputs");
  }

  @Test
  void reportsAbsurdNestingInsteadOfCrashing() {
    String src = "model M { param a: int = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "; }";

    assertThat(headlines(src)).containsExactly("m.akorn:1:1: error[E001]: the file is nested too deeply to parse");
  }

  @Test
  void doesNotRepeatAFailedDeclarationAtEveryUse() {
    String src = """
        model M {
          param ch: int = 2.5;
          input c: stimulus[ch, 4, 4];
          stem = identity(c);
          output s = stimulus;
        }
        """;
    assertThat(headlines(src))
        .containsExactly("m.akorn:2:19: error[E105]: parameter 'ch' is declared an int, but its default is a number");
  }

  @Test
  void reportsUnterminatedCommentsAndStrings() {
    assertThat(headlines("model M { }\n/* never closed\nmodel N { }\n"))
        .containsExactly("m.akorn:2:1: error[E001]: unterminated comment: '/*' without a closing '*/'");
    assertThat(headlines("import \"a.akorn;\nmodel M { }\n"))
        .contains("m.akorn:1:8: error[E001]: unterminated string: '\"' without a closing '\"' on the same line");
  }
}
