package org.akorn.dsl.assist;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.akorn.dsl.AkornCompiler;
import org.akorn.dsl.CompileRequest;
import org.akorn.dsl.CompileResult;
import org.akorn.dsl.SourceReader;
import org.akorn.dsl.diag.SourceSpan;
import org.junit.jupiter.api.Test;

class SymbolTableTest {
  private static final Path MODELS = Path.of("..", "examples", "models").normalize();

  static SymbolTable table(CompileResult result, String file) {
    return SymbolTable.of(result.syntaxTrees().get(file), result.syntaxTrees());
  }

  @Test
  void resolvesParametersInputsAndHeadsOfAModel() {
    String file = MODELS.resolve("sudoku.akorn").toString();
    SymbolTable t = table(AkornCompiler.check(CompileRequest.of(Path.of(file))), file);

    // "n" in "readout(N = n, ..." (line 40, column 25) is the parameter declared on line 14.
    Symbol n = t.symbolAt(40, 25).orElseThrow();
    assertThat(n.kind()).isEqualTo(Symbol.Kind.PARAM);
    assertThat(n.nameSpan()).isEqualTo(new SourceSpan(file, 14, 9, 14, 10));
    assertThat(n.doc()).isEqualTo("Components per oscillator.");
    assertThat(t.referencesTo(n).stream().map(r -> r.span().location()).toList())
        .containsExactly(file + ":31:9", file + ":40:25").inOrder();
    // "output logits;" names the head.
    Symbol head = t.symbolAt(47, 10).orElseThrow();
    assertThat(head.kind()).isEqualTo(Symbol.Kind.HEAD);
    assertThat(head.nameSpan().location()).isEqualTo(file + ":44:8");
    // "given" in "noise(clamp = given)" is the input.
    assertThat(t.symbolAt(28, 24).orElseThrow().nameSpan().location()).isEqualTo(file + ":25:9");
  }

  @Test
  void outlineListsDeclarationsAndStages() {
    String file = MODELS.resolve("classification.akorn").toString();
    SymbolTable t = table(AkornCompiler.check(CompileRequest.of(Path.of(file))), file);

    Symbol model = t.outline().get(0);
    assertThat(model.name()).isEqualTo("CifarClassifier");
    assertThat(model.children().stream().map(Symbol::name).toList())
        .containsExactly("ch", "L", "T", "n", "ksizes", "ro_N", "ro_kernel", "classes", "image", "stem", "init",
            "repeat as i", "logits", "logits")
        .inOrder();
    Symbol repeat = model.children().get(11);
    assertThat(repeat.children().stream().map(Symbol::name).toList())
        .containsExactly("width", "if", "layer", "use BatchNormReadout").inOrder();
  }

  @Test
  void resolvesLetsLoopVariablesBlocksAndImportsAcrossFiles() {
    String file = MODELS.resolve("classification.akorn").toString();
    String common = MODELS.resolve("common/readouts.akorn").toString();
    CompileResult result = AkornCompiler.check(CompileRequest.of(Path.of(file)));
    SymbolTable t = table(result, file);

    // "i" in "ch * 2 ^ i" (line 30) is the loop variable of "repeat L as i" (line 29).
    assertThat(t.symbolAt(30, 26).orElseThrow().nameSpan().location()).isEqualTo(file + ":29:15");
    // "width" in "channels = width" (line 36) is the let on line 30.
    assertThat(t.symbolAt(36, 18).orElseThrow().nameSpan().location()).isEqualTo(file + ":30:9");
    // "use BatchNormReadout" points into the imported file.
    Symbol block = t.symbolAt(43, 9).orElseThrow();
    assertThat(block.kind()).isEqualTo(Symbol.Kind.BLOCK);
    assertThat(block.nameSpan().location()).isEqualTo(common + ":7:7");
    // The import statement points at the imported file.
    Symbol imported = t.symbolAt(3, 10).orElseThrow();
    assertThat(imported.kind()).isEqualTo(Symbol.Kind.FILE);
    assertThat(imported.span().location()).isEqualTo(common + ":1:1");
    // The block's own file sees its declaration, and names bound where it is used stay unresolved.
    SymbolTable blockFile = table(result, common);
    assertThat(blockFile.symbolAt(7, 8).orElseThrow().sameDeclaration(block)).isTrue();
    assertThat(blockFile.symbolAt(8, 27)).isEmpty();
  }

  @Test
  void aLetIsNotVisibleBeforeItsStatement() {
    String text = "model M {\n  param a: int = w;\n  repeat 2 as i {\n    let w = i;\n    let v = w;\n  }\n  output o = w;\n}\n";
    CompileResult r = AkornCompiler.check(new CompileRequest(List.of(Path.of("m.akorn")), Map.of(),
        SourceReader.of(Map.of("m.akorn", text))));
    SymbolTable t = table(r, "m.akorn");

    assertThat(t.symbolAt(2, 18)).isEmpty();
    assertThat(t.symbolAt(5, 13).orElseThrow().nameSpan().location()).isEqualTo("m.akorn:4:9");
    assertThat(t.symbolAt(7, 14)).isEmpty();
  }
}
