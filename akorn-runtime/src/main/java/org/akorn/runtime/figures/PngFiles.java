package org.akorn.runtime.figures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.akorn.runtime.io.AtomicFiles;

/** Writes PNG images atomically (a temporary file in the same folder, then a move). */
public final class PngFiles {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private PngFiles() {}

  public static void write(BufferedImage image, Path target) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("no PNG writer available");
    }
    AtomicFiles.write(target, png.toByteArray());
  }
}
