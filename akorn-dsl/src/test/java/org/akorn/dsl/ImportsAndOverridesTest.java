package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.model.Expr;
import org.akorn.dsl.model.HyperParameter;
import org.akorn.dsl.model.ModelSpec;
import org.akorn.dsl.model.Stage;
import org.junit.jupiter.api.Test;

class ImportsAndOverridesTest {
  private static final String READOUT_BLOCK = """
      block Ro {
        readout = readout(N = 2);
      }
      """;

  private static CompileResult compile(Map<String, String> files, String root) {
    return AkornCompiler.check(new CompileRequest(List.of(Path.of(root)), Map.of(), SourceReader.of(files)));
  }

  private static String modelUsing(String importLine) {
    return importLine + """

        model M {
          input x: state[8, 4, 4];
          init = given(x);
          use Ro;
          output y = stimulus;
        }
        """;
  }

  @Test
  void usesBlocksFromImportedFiles() {
    CompileResult r = compile(Map.of("dir/m.akorn", modelUsing("import \"lib/ro.akorn\";"), "dir/lib/ro.akorn", READOUT_BLOCK), "dir/m.akorn");

    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.models().get(0).stages().get(1)).isInstanceOf(Stage.ReadoutConv.class);
  }

  @Test
  void reportsMissingImportedFiles() {
    CompileResult r = compile(Map.of("m.akorn", modelUsing("import \"nowhere.akorn\";")), "m.akorn");

    assertThat(r.headlines())
        .containsExactly(
            "m.akorn:1:1: error[E301]: cannot read imported file 'nowhere.akorn'",
            "m.akorn:5:3: error[E100]: unknown block 'Ro'")
        .inOrder();
  }

  @Test
  void reportsImportCycles() {
    CompileResult r = compile(Map.of(
        "a.akorn", "import \"b.akorn\";\n" + READOUT_BLOCK,
        "b.akorn", "import \"a.akorn\";\n"), "a.akorn");

    assertThat(r.headlines()).containsExactly("b.akorn:1:1: error[E300]: import cycle: a.akorn -> b.akorn -> a.akorn");
  }

  @Test
  void reportsBlocksThatUseThemselves() {
    String src = """
        block A { use B; }
        block B { use A; }
        model M { use A; output y = stimulus; }
        """;
    assertThat(Diagnose.headlines(src)).containsExactly("m.akorn:2:11: error[E302]: block cycle: A -> B -> A");
  }

  @Test
  void reportsUnreadableRootFiles() {
    CompileResult r = compile(Map.of(), "missing.akorn");

    assertThat(r.headlines()).containsExactly("missing.akorn:1:1: error[E002]: cannot read file 'missing.akorn'");
  }

  @Test
  void appliesOverridesAndRechecksTheModel() {
    CompileRequest base = CompileRequest.of(Examples.MODELS.resolve("sudoku.akorn"));

    CompileResult smaller = AkornCompiler.check(base.withOverrides(Map.of("ch", "64", "T", "32")));
    CompileResult broken = AkornCompiler.check(base.withOverrides(Map.of("ch", "60", "heads", "many", "depth", "3")));

    ModelSpec m = smaller.models().get(0);
    HyperParameter ch = m.parameter("ch").orElseThrow();
    assertThat(ch.overridden()).isTrue();
    assertThat(ch.value()).isEqualTo(new Expr.IntLiteral(64));
    assertThat(ch.defaultExpr()).isEqualTo(new Expr.IntLiteral(512));
    assertThat(m.layers().get(0).steps().value()).isEqualTo(32);
    assertThat(m.layers().get(0).channels().expr()).isEqualTo(new Expr.ParamRef("ch"));
    assertThat(broken.headlines())
        .containsExactly(
            "../examples/models/sudoku.akorn:10:7: error[E111]: override for unknown parameter 'depth' of model Sudoku",
            "../examples/models/sudoku.akorn:16:3: error[E111]: override 'many' for parameter 'heads' is not an int",
            "../examples/models/sudoku.akorn:35:38: error[E202]: heads 8 do not divide channels 60")
        .inOrder();
  }
}
