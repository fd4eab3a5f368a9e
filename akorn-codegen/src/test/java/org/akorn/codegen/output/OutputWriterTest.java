package org.akorn.codegen.output;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
  @TempDir Path dir;

  private OutputWriter writer() {
    return new OutputWriter(dir.resolve("out"), dir.resolve("state/manifest.txt"));
  }

  @Test
  void secondWriteWithSameContentTouchesNothing() throws Exception {
    List<GeneratedFile> files = List.of(new GeneratedFile("a/B.java", "class B {}\n"));
    assertThat(writer().write(files).written()).containsExactly("a/B.java");
    Path b = dir.resolve("out/a/B.java");
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(b, old);

    WriteReport again = writer().write(files);

    assertThat(again.changedAnything()).isFalse();
    assertThat(again.unchanged()).containsExactly("a/B.java");
    assertThat(Files.getLastModifiedTime(b)).isEqualTo(old);
  }

  @Test
  void changedContentIsRewrittenAndOrphansAreDeleted() throws Exception {
    writer().write(List.of(new GeneratedFile("p/A.java", "A1"), new GeneratedFile("p/B.java", "B1")));

    WriteReport r = writer().write(List.of(new GeneratedFile("p/A.java", "A2")));

    assertThat(r.written()).containsExactly("p/A.java");
    assertThat(r.deleted()).containsExactly("p/B.java");
    assertThat(Files.readString(dir.resolve("out/p/A.java"))).isEqualTo("A2");
    assertThat(Files.exists(dir.resolve("out/p/B.java"))).isFalse();
    assertThat(Files.readString(dir.resolve("state/manifest.txt"))).isEqualTo("p/A.java\n");
  }

  @Test
  void refusesPathsThatLeaveTheOutputDirectoryBeforeWritingAnything() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer().write(
        List.of(new GeneratedFile("ok/A.java", "A"), new GeneratedFile("../evil/X.java", "X"))));
    assertThat(e).hasMessageThat().startsWith("generated path '../evil/X.java' would leave ");
    assertThat(Files.exists(dir.resolve("out/ok/A.java"))).isFalse();
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    writer().write(List.of(new GeneratedFile("p/A.java", "A")));
    try (var s = Files.list(dir.resolve("out/p"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("A.java");
    }
  }

  @Test
  void generatedFilesGetTheUsualPermissionsNotOwnerOnly() throws Exception {
    writer().write(List.of(new GeneratedFile("p/A.java", "A")));
    Path a = dir.resolve("out/p/A.java");
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThat(Files.getPosixFilePermissions(a)).isEqualTo(Files.getPosixFilePermissions(plain));
  }
}
