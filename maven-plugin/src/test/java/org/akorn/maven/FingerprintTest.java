package org.akorn.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  @TempDir Path dir;
  Path out;
  Path model;
  Path imported;

  @BeforeEach
  void files() throws Exception {
    out = dir.resolve("out");
    model = dir.resolve("a.akorn");
    imported = dir.resolve("common/blocks.akorn");
    Files.createDirectories(imported.getParent());
    Files.writeString(model, "model A {}");
    Files.writeString(imported, "block B {}");
  }

  private Fingerprint fingerprint(String version, Overrides overrides) throws Exception {
    return Fingerprint.of(version, out, List.of(model), overrides, List.of(model, imported));
  }

  @Test
  void sameInputsGiveTheSameDigest() throws Exception {
    assertThat(fingerprint("1.0", Overrides.NONE).digest()).isEqualTo(fingerprint("1.0", Overrides.NONE).digest());
  }

  @Test
  void anEditToAnImportedFileChangesTheDigest() throws Exception {
    String before = fingerprint("1.0", Overrides.NONE).digest();
    Files.writeString(imported, "block B { }");
    assertThat(fingerprint("1.0", Overrides.NONE).digest()).isNotEqualTo(before);
  }

  @Test
  void aDeletedInputChangesTheDigest() throws Exception {
    String before = fingerprint("1.0", Overrides.NONE).digest();
    Files.delete(imported);
    assertThat(fingerprint("1.0", Overrides.NONE).digest()).isNotEqualTo(before);
  }

  @Test
  void overridesAndToolVersionChangeTheDigest() throws Exception {
    String plain = fingerprint("1.0", Overrides.NONE).digest();
    assertThat(fingerprint("1.0", new Overrides(Map.of("ch", "32"), Map.of())).digest()).isNotEqualTo(plain);
    assertThat(fingerprint("1.0", new Overrides(Map.of(), Map.of("A", Map.of("ch", "32")))).digest())
        .isNotEqualTo(plain);
    assertThat(fingerprint("1.1", Overrides.NONE).digest()).isNotEqualTo(plain);
  }

  @Test
  void aNewRootChangesTheDigest() throws Exception {
    Path other = dir.resolve("b.akorn");
    Files.writeString(other, "model B {}");
    String one = Fingerprint.of("1.0", out, List.of(model), Overrides.NONE, List.of(model)).digest();
    String two = Fingerprint.of("1.0", out, List.of(model, other), Overrides.NONE, List.of(model)).digest();
    assertThat(two).isNotEqualTo(one);
  }

  @Test
  void writesPlainTextAndReadsItBack() throws Exception {
    Fingerprint f = fingerprint("1.0", Overrides.NONE);
    Path file = dir.resolve("state/generate.fingerprint");
    f.write(file);

    assertThat(Files.readAllLines(file)).containsExactly(
        "akorn-fingerprint 1", "digest " + f.digest(), "input " + model, "input " + imported).inOrder();
    assertThat(Fingerprint.read(file)).isEqualTo(f);
  }

  @Test
  void rewritingTheSameFingerprintLeavesTheFileUntouched() throws Exception {
    Path file = dir.resolve("generate.fingerprint");
    fingerprint("1.0", Overrides.NONE).write(file);
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(978307200000L);
    Files.setLastModifiedTime(file, old);

    fingerprint("1.0", Overrides.NONE).write(file);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

    fingerprint("2.0", Overrides.NONE).write(file);
    assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(old);
  }

  @Test
  void aMissingOrForeignFileReadsAsNone() throws Exception {
    Path file = dir.resolve("generate.fingerprint");
    assertThat(Fingerprint.read(file)).isNull();
    Files.writeString(file, "something else\n");
    assertThat(Fingerprint.read(file)).isNull();
  }

  @Test
  void toolIdentityNamesTheVersionAndTheJarsOfTheGivenClasses() throws Exception {
    String id = Fingerprint.toolIdentity("1.0", Test.class);
    Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    assertThat(id).isEqualTo("1.0 " + jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis());
    assertThat(Fingerprint.toolIdentity("1.0", Test.class)).isEqualTo(id);
  }
}
