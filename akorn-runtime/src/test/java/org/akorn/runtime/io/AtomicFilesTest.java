package org.akorn.runtime.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private static String listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
    }
  }

  @Test
  void createsAMissingFolderAndReplacesTheFile() throws IOException {
    Path file = dir.resolve("a/b/out.txt");
    AtomicFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(file, "two".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(file)).isEqualTo("two");
    assertThat(listing(file.getParent())).isEqualTo("[out.txt]");
  }

  @Test
  void aFailingWriterLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("out.txt");
    Files.writeString(file, "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertThat(e).hasMessageThat().isEqualTo("disk full");
    assertThat(Files.readString(file)).isEqualTo("old");
    assertThat(listing(dir)).isEqualTo("[out.txt]");
  }

  @Test
  void refusesAFolderAsTargetAndAFileAsFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("out.npz"));
    BadFileException e = assertThrows(BadFileException.class,
        () -> AtomicFiles.write(folder, new byte[1]));
    assertThat(e).hasMessageThat().isEqualTo(folder + " is a folder; cannot write a file there");
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    e = assertThrows(BadFileException.class,
        () -> AtomicFiles.write(plain.resolve("out.npz"), new byte[1]));
    assertThat(e).hasMessageThat().isEqualTo(plain
        + " is a file, not a folder; cannot write out.npz into it");
    assertThat(listing(dir)).isEqualTo("[out.npz, plain]");
  }
}
