package org.akorn.runtime.figures;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.akorn.runtime.io.BadFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngFilesTest {
  @TempDir Path dir;

  @Test
  void writesIntoAMissingFolderLeavingOnlyThePng() throws IOException {
    Path png = dir.resolve("a/b/x.png");
    PngFiles.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), png);
    byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertThat(magic).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("x.png");
    }
  }

  @Test
  void aFolderInTheWayIsOneClearError() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("x.png"));
    BadFileException e = assertThrows(BadFileException.class,
        () -> PngFiles.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), folder));
    assertThat(e).hasMessageThat().isEqualTo(folder + " is a folder; cannot write a file there");
  }
}
