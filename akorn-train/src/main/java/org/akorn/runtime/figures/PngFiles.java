package org.akorn.runtime.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.akorn.runtime.io.AtomicFiles;

/** Writes PNG images atomically: a temporary file in the same folder, then a rename. */
public final class PngFiles {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private PngFiles() {}

  /** Writes {@code image} to {@code target} through {@link AtomicFiles} (missing folders made). */
  public static void write(BufferedImage image, Path target) throws IOException {
    AtomicFiles.write(
        target,
        out -> {
          if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
          }
        });
  }
}
