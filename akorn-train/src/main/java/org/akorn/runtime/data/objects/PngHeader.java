package org.akorn.runtime.data.objects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.akorn.runtime.io.BadFileException;
import org.akorn.runtime.io.InputFiles;

/**
 * A PNG file's signature and IHDR chunk, read and checked before any pixel memory is allocated:
 * the file is a regular file (a folder or FIFO is refused before it is opened), the sizes are
 * bounded, the bit depth and colour type are a combination PNG allows, and the decompressed size
 * the header implies must be reachable from the file's real size (deflate expands at most 1032
 * times), so a small file cannot make the reader allocate gigabytes.
 *
 * @param width columns
 * @param height rows
 * @param bitDepth bits per sample
 * @param colourType 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA
 */
public record PngHeader(int width, int height, int bitDepth, int colourType) {

  /** Largest accepted width or height. */
  public static final int MAX_SIDE = 8192;

  /** Largest accepted number of pixels (2048 x 2048): object-discovery images are far smaller. */
  public static final long MAX_PIXELS = 1L << 22;

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Samples per pixel of the colour type. */
  public int channels() {
    return switch (colourType) {
      case 0, 3 -> 1;
      case 4 -> 2;
      case 2 -> 3;
      default -> 4;
    };
  }

  /**
   * Reads and checks the header of {@code file}.
   *
   * @throws BadFileException naming the file, when it is not a regular file, not a PNG, or its
   *     header is out of bounds
   */
  public static PngHeader read(Path file) throws IOException {
    long fileSize = InputFiles.requireRegularFile(file, InputFiles.MAX_BYTES);
    String where = file.toString();
    byte[] head = new byte[33];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new BadFileException(where, "cannot be read: " + e.getMessage());
    }
    for (int i = 0; i < SIGNATURE.length; i++) {
      if (read <= i || head[i] != SIGNATURE[i]) {
        throw new BadFileException(where, "is not a PNG file (bad signature)");
      }
    }
    if (read < head.length) {
      throw new BadFileException(
          where, "is a truncated PNG (" + fileSize + " bytes, no complete IHDR chunk)");
    }
    ByteBuffer b = ByteBuffer.wrap(head);
    String type = new String(head, 12, 4, StandardCharsets.ISO_8859_1);
    if (b.getInt(8) != 13 || !type.equals("IHDR")) {
      throw new BadFileException(where, "is not a PNG file (its first chunk is not IHDR)");
    }
    long width = Integer.toUnsignedLong(b.getInt(16));
    long height = Integer.toUnsignedLong(b.getInt(20));
    int depth = head[24] & 0xFF;
    int colour = head[25] & 0xFF;
    if (width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE
        || width * height > MAX_PIXELS) {
      throw new BadFileException(where, "declares an image of " + width + "x" + height
          + " pixels, out of range (1.." + MAX_SIDE + " per side, at most " + MAX_PIXELS
          + " pixels)");
    }
    if (!validDepth(colour, depth)) {
      throw new BadFileException(
          where, "has an invalid PNG header (bit depth " + depth + " with colour type " + colour
              + ")");
    }
    PngHeader header = new PngHeader((int) width, (int) height, depth, colour);
    long rawBytes = height * (1 + (width * header.channels() * depth + 7) / 8);
    if (rawBytes > 1032 * fileSize + 1024) {
      throw new BadFileException(where, "declares " + width + "x" + height
          + " pixels, more than its " + fileSize + " bytes can hold");
    }
    return header;
  }

  private static boolean validDepth(int colour, int depth) {
    return switch (colour) {
      case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
      case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
      case 2, 4, 6 -> depth == 8 || depth == 16;
      default -> false;
    };
  }
}
