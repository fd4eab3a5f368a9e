package org.akorn.runtime.data.objects;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.akorn.runtime.io.BadFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  @TempDir Path dir;

  @Test
  void readsImagesAndGreyMasksInNameOrder() throws IOException {
    writeRgb("b", 4, 3, 0x102030);
    writeRgb("a", 4, 3, 0xFF8000);
    writeGreyMask("a", 4, 3, new int[] {0, 1, 1, 0, 2, 2, 0, 0, 0, 0, 3, 3});
    writeGreyMask("b", 4, 3, new int[12]);
    ImageFolder.Contents contents = ImageFolder.read(dir);
    assertThat(contents.names()).containsExactly("a", "b").inOrder();
    assertThat(contents.hasMasks()).isTrue();
    SegmentedImage a = contents.images().get(0);
    assertThat(a.height()).isEqualTo(3);
    assertThat(a.width()).isEqualTo(4);
    assertThat(a.value(0, 2, 3)).isEqualTo(1f);
    assertThat(a.value(1, 2, 3)).isEqualTo(128 / 255f);
    assertThat(a.value(2, 2, 3)).isEqualTo(0f);
    assertThat(a.mask()).isEqualTo(new int[] {0, 1, 1, 0, 2, 2, 0, 0, 0, 0, 3, 3});
    assertThat(contents.images().get(1).value(2, 0, 0)).isEqualTo(0x30 / 255f);
  }

  @Test
  void numbersColourMaskObjectsInOrderOfFirstAppearance() throws IOException {
    writeRgb("x", 3, 2, 0);
    BufferedImage mask = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    int[] colours = {0x000000, 0x00FF00, 0xFF0000, 0xFF0000, 0x000000, 0x0000FF};
    for (int i = 0; i < 6; i++) {
      mask.setRGB(i % 3, i / 3, colours[i]);
    }
    write(mask, "masks/x.png");
    assertThat(ImageFolder.read(dir).images().get(0).mask())
        .isEqualTo(new int[] {0, 1, 2, 2, 0, 3});
  }

  @Test
  void readsPaletteMasksAsIndices() throws IOException {
    writeRgb("p", 2, 2, 0);
    byte[] r = new byte[8];
    r[5] = (byte) 200;
    IndexColorModel palette = new IndexColorModel(8, 8, r, new byte[8], new byte[8]);
    BufferedImage mask = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED, palette);
    mask.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 5, 7, 1});
    write(mask, "masks/p.png");
    assertThat(ImageFolder.read(dir).images().get(0).mask()).isEqualTo(new int[] {0, 5, 7, 1});
  }

  @Test
  void masksAreOptional() throws IOException {
    writeRgb("only", 2, 2, 0xFFFFFF);
    ImageFolder.Contents contents = ImageFolder.read(dir);
    assertThat(contents.hasMasks()).isFalse();
    assertThat(contents.images().get(0).mask()).isEqualTo(new int[4]);
    assertThat(contents.images().get(0).value(1, 1, 1)).isEqualTo(1f);
  }

  @Test
  void namesTheFolderWhenThereIsNoImagesFolder() {
    assertThat(error()).isEqualTo(dir + " has no images/ folder (expected "
        + dir.resolve("images") + "/*.png and optionally " + dir.resolve("masks") + "/*.png)");
  }

  @Test
  void rejectsImagesOfDifferentSizes() throws IOException {
    writeRgb("a", 4, 4, 0);
    writeRgb("b", 5, 4, 0);
    assertThat(error()).isEqualTo(dir.resolve("images/b.png")
        + " is 5x4, but a.png is 4x4 (all images must have one size)");
  }

  @Test
  void rejectsAMissingAnOrphanOrAMisSizedMask() throws IOException {
    writeRgb("a", 2, 2, 0);
    writeGreyMask("z", 2, 2, new int[4]);
    assertThat(error()).isEqualTo(dir.resolve("images/a.png") + " has no mask: "
        + dir.resolve("masks/a.png") + " does not exist");
    writeGreyMask("a", 2, 2, new int[4]);
    assertThat(error()).isEqualTo(dir.resolve("masks/z.png") + " has no image: "
        + dir.resolve("images/z.png") + " does not exist");
    Files.delete(dir.resolve("masks/z.png"));
    writeGreyMask("a", 3, 2, new int[6]);
    assertThat(error()).isEqualTo(dir.resolve("masks/a.png") + " is 3x2, but its image is 2x2");
  }

  @Test
  void rejectsTruncatedCorruptAndNonPngFiles() throws IOException {
    writeRgb("a", 8, 8, 0x123456);
    Path file = dir.resolve("images/a.png");
    byte[] good = Files.readAllBytes(file);

    Files.write(file, Arrays.copyOf(good, 20));
    assertThat(error()).isEqualTo(file + " is a truncated PNG (20 bytes, no complete IHDR chunk)");

    byte[] flipped = good.clone();
    flipped[1] ^= 0x01;
    Files.write(file, flipped);
    assertThat(error()).isEqualTo(file + " is not a PNG file (bad signature)");

    Files.write(file, new byte[0]);
    assertThat(error()).isEqualTo(file + " is not a PNG file (bad signature)");

    Files.write(file, Arrays.copyOf(good, 40));
    assertThat(error()).startsWith(file + " is not a readable PNG");
    assertThat(error()).doesNotContain("\n");
  }

  @Test
  void rejectsAHugeHeaderBeforeAllocating() throws IOException {
    Files.createDirectories(dir.resolve("images"));
    Path file = dir.resolve("images/huge.png");
    Files.write(file, png(2_000, 2_000, 8, 2));
    assertThat(error()).isEqualTo(
        file + " declares 2000x2000 pixels, more than its 45 bytes can hold");
    Files.write(file, png(100_000, 2, 8, 2));
    assertThat(error()).isEqualTo(file + " declares an image of 100000x2 pixels, out of range"
        + " (1..8192 per side, at most 4194304 pixels)");
    Files.write(file, png(4, 4, 3, 2));
    assertThat(error()).isEqualTo(
        file + " has an invalid PNG header (bit depth 3 with colour type 2)");
  }

  @Test
  void rejectsAFolderWhereAFileIsExpected() throws IOException {
    Files.createDirectories(dir.resolve("images/folder.png"));
    assertThat(error()).isEqualTo(dir.resolve("images/folder.png") + " is a directory, not a file");
  }

  private String error() {
    return assertThrows(BadFileException.class, () -> ImageFolder.read(dir)).getMessage();
  }

  /** A PNG of signature, IHDR and IEND only, with correct CRCs. */
  private static byte[] png(int width, int height, int depth, int colour) {
    ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes()).putInt(width).putInt(height)
        .put((byte) depth).put((byte) colour).put((byte) 0).put((byte) 0).put((byte) 0);
    b.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
    b.putInt(0).put("IEND".getBytes()).putInt(crc("IEND".getBytes()));
    return b.array();
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private void writeRgb(String name, int w, int h, int rgb) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    write(image, "images/" + name + ".png");
  }

  private void writeGreyMask(String name, int w, int h, int[] ids) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSamples(0, 0, w, h, 0, ids);
    write(image, "masks/" + name + ".png");
  }

  private void write(BufferedImage image, String relative) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
  }
}
