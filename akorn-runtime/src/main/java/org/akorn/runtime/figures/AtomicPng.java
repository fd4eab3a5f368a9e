package org.akorn.runtime.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes a PNG atomically: a temporary file in the target's folder (created when missing), then a
 * rename over the target, so a failure leaves no partial file.
 */
final class AtomicPng {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private AtomicPng() {}

  static void write(BufferedImage image, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException(target + ": no PNG writer available");
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
