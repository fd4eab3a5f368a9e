package org.akorn.runtime.data.objects;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.akorn.runtime.io.BadFileException;

/**
 * Reads a user's own images and, optionally, their object masks from a folder:
 *
 * <pre>
 * DIR/images/NAME.png   RGB, RGBA (alpha ignored), grey or palette images, all of one size
 * DIR/masks/NAME.png    optional; when the folder exists, one mask per image, same name and size
 * </pre>
 *
 * Files not ending in {@code .png} are skipped; images are taken in name order. A mask's pixel is
 * an object id, 0 for background: in a grey or palette PNG the sample value (palette index) is
 * the id; in an RGB(A) PNG black is background and every other colour is one object, numbered
 * 1, 2, ... in the order the colours first appear in rows from the top.
 *
 * <p>Every file's header is checked ({@link PngHeader}) before its pixels are decoded; every
 * problem is a {@link BadFileException} whose one-line message names the file.
 */
public final class ImageFolder {

  /**
   * What a folder holds.
   *
   * @param names file names without {@code .png}, in order
   * @param images the images; without masks their masks are all background
   * @param hasMasks whether {@code DIR/masks} gave a mask for every image
   */
  public record Contents(List<String> names, List<SegmentedImage> images, boolean hasMasks) {}

  private ImageFolder() {}

  /** Reads {@code dir} as described above. */
  public static Contents read(Path dir) throws IOException {
    Path imageDir = dir.resolve("images");
    Path maskDir = dir.resolve("masks");
    if (!Files.isDirectory(imageDir)) {
      throw new BadFileException(dir.toString(), "has no images/ folder (expected "
          + imageDir + "/*.png and optionally " + maskDir + "/*.png)");
    }
    List<Path> imageFiles = pngFiles(imageDir);
    if (imageFiles.isEmpty()) {
      throw new BadFileException(imageDir.toString(), "holds no .png files");
    }
    boolean hasMasks = Files.exists(maskDir);
    if (hasMasks && !Files.isDirectory(maskDir)) {
      throw new BadFileException(maskDir.toString(), "is not a folder");
    }
    Map<String, Path> masks = new HashMap<>();
    if (hasMasks) {
      for (Path m : pngFiles(maskDir)) {
        masks.put(baseName(m), m);
      }
    }
    List<String> names = new ArrayList<>();
    List<SegmentedImage> images = new ArrayList<>();
    PngHeader first = null;
    Path firstFile = null;
    for (Path file : imageFiles) {
      String name = baseName(file);
      PngHeader header = PngHeader.read(file);
      if (first == null) {
        first = header;
        firstFile = file;
      } else if (header.width() != first.width() || header.height() != first.height()) {
        throw new BadFileException(file.toString(), "is " + header.width() + "x"
            + header.height() + ", but " + firstFile.getFileName() + " is " + first.width()
            + "x" + first.height() + " (all images must have one size)");
      }
      float[] rgb = readImage(file, header);
      int[] mask = new int[header.width() * header.height()];
      if (hasMasks) {
        Path maskFile = masks.remove(name);
        if (maskFile == null) {
          throw new BadFileException(file.toString(),
              "has no mask: " + maskDir.resolve(name + ".png") + " does not exist");
        }
        mask = readMask(maskFile, header);
      }
      names.add(name);
      images.add(new SegmentedImage(header.height(), header.width(), rgb, mask));
    }
    if (!masks.isEmpty()) {
      String orphan = masks.keySet().stream().sorted().findFirst().orElseThrow();
      throw new BadFileException(masks.get(orphan).toString(),
          "has no image: " + imageDir.resolve(orphan + ".png") + " does not exist");
    }
    return new Contents(List.copyOf(names), List.copyOf(images), hasMasks);
  }

  private static List<Path> pngFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
          .sorted()
          .toList();
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".png".length());
  }

  /**
   * One image file as {@code [3, H, W]} values in [0, 1], its header checked first.
   *
   * @param header the file's header, or null to read it here
   */
  public static float[] readImage(Path file, PngHeader header) throws IOException {
    if (header == null) {
      header = PngHeader.read(file);
    }
    return rgb(decode(file), header);
  }

  private static BufferedImage decode(Path file) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new BadFileException(file.toString(), "is not a readable PNG (" + oneLine(e) + ")");
    }
    if (image == null) {
      throw new BadFileException(file.toString(), "is not a readable PNG");
    }
    return image;
  }

  private static float[] rgb(BufferedImage image, PngHeader header) {
    int h = header.height();
    int w = header.width();
    float[] rgb = new float[3 * h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = image.getRGB(x, y);
        rgb[y * w + x] = ((argb >> 16) & 0xFF) / 255f;
        rgb[(h + y) * w + x] = ((argb >> 8) & 0xFF) / 255f;
        rgb[(2 * h + y) * w + x] = (argb & 0xFF) / 255f;
      }
    }
    return rgb;
  }

  /**
   * One mask file as object ids {@code [H, W]}, its header checked first.
   *
   * @param imageHeader the header of the mask's image, whose size the mask must have; or null
   */
  public static int[] readMask(Path file, PngHeader imageHeader) throws IOException {
    PngHeader header = PngHeader.read(file);
    if (imageHeader != null
        && (header.width() != imageHeader.width() || header.height() != imageHeader.height())) {
      throw new BadFileException(file.toString(), "is " + header.width() + "x"
          + header.height() + ", but its image is " + imageHeader.width() + "x"
          + imageHeader.height());
    }
    BufferedImage image = decode(file);
    int h = header.height();
    int w = header.width();
    int[] mask = new int[h * w];
    boolean idsAreSamples = header.colourType() == 0 || header.colourType() == 3
        || header.colourType() == 4;
    if (idsAreSamples) {
      Raster raster = image.getRaster();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          mask[y * w + x] = raster.getSample(x, y, 0);
        }
      }
      return mask;
    }
    Map<Integer, Integer> ids = new HashMap<>();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int colour = image.getRGB(x, y) & 0xFFFFFF;
        mask[y * w + x] = colour == 0 ? 0 : ids.computeIfAbsent(colour, c -> ids.size() + 1);
      }
    }
    return mask;
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }
}
