package org.akorn.dsl;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceReaderTest {
  @Test
  void buffersShadowTheFilesBelowThemAlsoForImports() {
    SourceReader disk = SourceReader.of(Map.of(
        "dir/m.akorn", "import \"b.akorn\";\nmodel M {\n  output o = state;\n}\n",
        "dir/b.akorn", "block B {\n}\n"));
    SourceReader edited = disk.withBuffers(Map.of("dir/b.akorn", "block B {\n  param x: int = ;\n}\n"));

    CompileResult before = AkornCompiler.check(new CompileRequest(List.of(Path.of("dir/m.akorn")), Map.of(), disk));
    CompileResult after = AkornCompiler.check(new CompileRequest(List.of(Path.of("dir/m.akorn")), Map.of(), edited));

    assertThat(before.headlines()).containsExactly(
        "dir/m.akorn:3:3: error[E212]: output 'o' has nothing to return yet; put it after the stage that makes it");
    assertThat(after.headlines()).contains(
        "dir/b.akorn:2:18: error[E001]: mismatched input ';' expecting {'[', '-', '(', INT, FLOAT, STRING, ID}");
    assertThat(after.syntaxTrees().keySet()).containsExactly("dir/m.akorn");
    assertThat(edited.read(Path.of("dir/./m.akorn"))).isEqualTo(disk.read(Path.of("dir/m.akorn")));
  }

  @Test
  void buffersKeepTheReasonAFileBelowCannotBeRead(@org.junit.jupiter.api.io.TempDir Path dir) {
    SourceReader edited = SourceReader.fileSystem().withBuffers(Map.of());

    assertThat(edited.read(dir)).isEmpty();
    assertThat(edited.whyUnreadable(dir)).isEqualTo(SourceReader.fileSystem().whyUnreadable(dir));
    assertThat(edited.whyUnreadable(dir)).isNotNull();
  }
}
